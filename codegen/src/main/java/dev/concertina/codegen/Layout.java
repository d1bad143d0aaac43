package dev.concertina.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How generated code is laid out so that a reviewer reads each step at a glance: no line over
 * {@link #WIDTH} characters where Concertina decides the breaks; call chains on one line when
 * they fit and one call per line when not; long strings split into concatenated parts; comments
 * wrapped at spaces. Argument lists wrap at JavaPoet's {@code $W} (also at column 100).
 */
final class Layout {

    /** The column the layout keeps within (JavaPoet wraps {@code $W} at the same column). */
    static final int WIDTH = 100;

    /** Where a method body's statements start. */
    static final int BODY_INDENT = 8;

    /** A string longer than this is written as parts joined with {@code +}. */
    static final int STRING_PART = 60;

    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

    private Layout() {}

    /** {@code text} in lines of at most {@code width} characters, broken at spaces (a longer word is cut). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A {@code //} comment of one or more lines at a statement's place in a method body. */
    static CodeBlock comment(String text) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (String line : wrap(Javadocs.comment(text), WIDTH - BODY_INDENT - 3)) {
            b.add("// $L\n", line);
        }
        return b.build();
    }

    /**
     * A string literal; one longer than {@link #STRING_PART} characters is split after spaces into
     * parts joined with {@code +} and a wrapping space, which javac joins again at compile time.
     */
    static CodeBlock string(String s) {
        if (s.length() <= STRING_PART) {
            return CodeBlock.of("$S", s);
        }
        List<CodeBlock> parts = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int end = Math.min(s.length(), start + STRING_PART);
            if (end < s.length()) {
                int space = s.lastIndexOf(' ', end - 1);
                if (space > start) {
                    end = space + 1;
                } else if (Character.isHighSurrogate(s.charAt(end - 1))) {
                    end--; // never between the two halves of one character
                }
            }
            parts.add(CodeBlock.of("$S", s.substring(start, end)));
            start = end;
        }
        return CodeBlock.join(parts, " +$W");
    }

    /** The length of {@code code} on one line, with types written as imported (simple names). */
    static int flatLength(CodeBlock code) {
        // CodeBlock.toString() keeps the text after the last wrapping space in JavaPoet's line
        // wrapper: a trailing sentinel part lets all of the code out; wrapped lines are joined again.
        String text = CodeBlock.of("$L$W.", code).toString().replaceAll("\n\\s*", " ");
        return PACKAGE.matcher(text).replaceAll("").length();
    }

    /**
     * A statement's call chain, e.g. {@code ctx.dsl().alterTable(…)}, {@code .add(…)},
     * {@code .execute()}: all on one line when the statement fits within {@link #WIDTH} at
     * {@code indent}, otherwise each call after the first on a line of its own.
     */
    static CodeBlock chain(int indent, CodeBlock... calls) {
        CodeBlock flat = CodeBlock.join(List.of(calls), "");
        if (indent + flatLength(flat) + 1 <= WIDTH) {
            return flat;
        }
        CodeBlock.Builder b = CodeBlock.builder().add(calls[0]);
        for (int i = 1; i < calls.length; i++) {
            b.add("\n$L", calls[i]);
        }
        return b.build();
    }

    /**
     * A chain inside a statement's argument (a constraint inside {@code .add(…)}): on one line
     * when it fits on a continuation line, otherwise its later calls one indentation deeper.
     */
    static CodeBlock nestedChain(CodeBlock... calls) {
        CodeBlock flat = CodeBlock.join(List.of(calls), "");
        if (BODY_INDENT * 2 + flatLength(flat) + 8 <= WIDTH) {
            return flat;
        }
        CodeBlock.Builder b = CodeBlock.builder().add(calls[0]);
        for (int i = 1; i < calls.length; i++) {
            b.add("$>\n$L$<", calls[i]);
        }
        return b.build();
    }

    /**
     * The last resort for code whose breaks no renderer chose (a long column type, an enumeration
     * with many values): a code line over {@link #WIDTH} is broken after a {@code ", "} or before a
     * chained call, outside string literals, within the width (the least nested such place, the
     * last of those), and the rest continues 8 columns deeper. Comments are wrapped where they are
     * written.
     */
    static String rewrap(String source) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (String line : source.split("\n", -1)) {
            rewrapLine(line, out);
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static void rewrapLine(String line, StringBuilder out) {
        String trimmed = line.stripLeading();
        if (line.length() <= WIDTH || trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("//")) {
            out.append(line).append('\n');
            return;
        }
        int indent = line.length() - trimmed.length();
        // The break keeps the most of the line's structure: the shallowest comma, the last of those.
        int lastBreak = -1;
        int breakDepth = Integer.MAX_VALUE;
        int depth = 0;
        boolean inString = false;
        for (int i = indent; i < line.length() - 1 && i < WIDTH; i++) {
            char c = line.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && (c == '(' || c == ')')) {
                depth += c == '(' ? 1 : -1;
            } else if (!inString && c == ',' && line.charAt(i + 1) == ' ' && depth <= breakDepth) {
                lastBreak = i + 1;
                breakDepth = depth;
            } else if (!inString && c == '.' && line.charAt(i - 1) == ')' && depth <= breakDepth) {
                // before a chained call: the space skipped below is a virtual one
                lastBreak = i;
                breakDepth = depth;
            }
        }
        if (lastBreak <= indent + 8) {
            out.append(line).append('\n');
            return;
        }
        boolean afterComma = line.charAt(lastBreak) == ' ';
        out.append(line, 0, lastBreak).append("\n");
        rewrapLine(" ".repeat(indent + 8) + line.substring(afterComma ? lastBreak + 1 : lastBreak), out);
    }
}
