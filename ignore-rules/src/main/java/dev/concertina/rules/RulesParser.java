package dev.concertina.rules;

import java.util.List;
import java.util.Locale;

/**
 * The rules-file grammar (docs/ignore-rules.md), one line at a time: section headers, and the
 * characters any line may hold; each section's lines go to its parser ({@link IgnoreParser},
 * {@link HintParser}, {@link PolicyParser}).
 */
final class RulesParser {

    private enum Section {
        IGNORE,
        HINTS,
        POLICY
    }

    private final IgnoreParser rules = new IgnoreParser();
    private final HintParser hints = new HintParser();
    private final PolicyParser policies = new PolicyParser();
    private Section section = Section.IGNORE;
    private boolean hintsOnly;

    record Parsed(List<Rule> rules, Hints hints, List<Policy> policies) {}

    static Parsed parse(String text, String source) {
        return run(new RulesParser(), text, source);
    }

    /** A hints file: hints from the first line, as in a [hints] section; an [ignore] section is refused. */
    static Parsed parseHints(String text, String source) {
        var parser = new RulesParser();
        parser.section = Section.HINTS;
        parser.hintsOnly = true;
        return run(parser, text, source);
    }

    private static Parsed run(RulesParser parser, String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors write
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(new Cursor(source, i + 1, lines[i], true));
        }
        return new Parsed(parser.rules.rules(), parser.hints.hints(), parser.policies.policies());
    }

    private void line(Cursor c) {
        checkCharacters(c);
        c.skipSpaces();
        if (c.atEnd()) {
            return;
        }
        if (c.peek() == '[') {
            sectionHeader(c);
        } else if (section == Section.IGNORE) {
            rules.line(c);
        } else if (section == Section.POLICY) {
            policies.line(c);
        } else {
            hints.line(c);
        }
    }

    /** Characters a reviewer cannot see are refused outside comments; tabs count as spaces. */
    private static void checkCharacters(Cursor c) {
        String text = c.text();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '#' && !quoted) {
                return;
            }
            if (ch == '\t') {
                continue;
            }
            if (Character.isISOControl(ch)) {
                throw c.error(i, String.format(Locale.ROOT, "control character U+%04X", (int) ch), "printable text");
            }
            if (Character.isSpaceChar(ch) && ch != ' ') {
                throw c.error(
                        i,
                        String.format(Locale.ROOT, "a space character U+%04X that is not a plain space", (int) ch),
                        "a plain space or a tab");
            }
            if (Character.getType(ch) == Character.FORMAT) {
                throw c.error(i, String.format(Locale.ROOT, "invisible character U+%04X", (int) ch), "printable text");
            }
        }
    }

    private void sectionHeader(Cursor c) {
        c.advance(1);
        c.skipSpaces();
        int nameAt = c.pos();
        String name = c.word();
        c.skipSpaces();
        if (c.peek() != ']') {
            if (name.isEmpty()) {
                throw c.unexpected("a section name: [ignore], [hints] or [policy]");
            }
            throw c.unexpected("\"]\" closing the section name");
        }
        c.advance(1);
        switch (name) {
            case "ignore" -> {
                if (hintsOnly) {
                    throw c.error(
                            nameAt,
                            "section [ignore] in a hints file",
                            "hints only (ignore rules go in the rules file)");
                }
                section = Section.IGNORE;
            }
            case "hints" -> section = Section.HINTS;
            case "policy" -> {
                if (hintsOnly) {
                    throw c.error(
                            nameAt, "section [policy] in a hints file", "hints only (policies go in the rules file)");
                }
                section = Section.POLICY;
            }
            default -> throw c.error(nameAt, "unknown section [" + name + "]", "[ignore], [hints] or [policy]");
        }
        c.requireEnd("end of line after [" + name + "]");
    }
}
