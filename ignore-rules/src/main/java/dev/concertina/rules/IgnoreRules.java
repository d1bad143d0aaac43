package dev.concertina.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The deliberate differences between the models and the database (the {@code [ignore]} section of
 * {@code concertina.ignore}) and the hints for renames and conversions ({@code [hints]}); the format
 * is described in docs/ignore-rules.md.
 *
 * <p>The differ asks about every object on <b>both</b> sides, the live schema and the models, so an
 * ignored object is neither added nor dropped. Each question marks the rules that matched; rules
 * that never matched anything are {@link #unused() stale} and worth reporting. That record of use is
 * the only state; it is safe across threads.
 */
public final class IgnoreRules {

    /** The file name looked for by default, next to the project. */
    public static final String DEFAULT_FILE = "concertina.ignore";

    private static final IgnoreRules NONE = new IgnoreRules("(none)", List.of(), Hints.empty(), List.of());

    private final String source;
    private final List<Rule> rules;
    private final Hints hints;
    private final List<Policy> policies;
    private final BitSet used = new BitSet();

    private IgnoreRules(String source, List<Rule> rules, Hints hints, List<Policy> policies) {
        this.source = source;
        this.rules = List.copyOf(rules);
        this.hints = hints;
        this.policies = List.copyOf(policies);
    }

    /**
     * Reads a rules file (UTF-8). Messages name the file as given, e.g. {@code concertina.ignore:3:15}.
     *
     * @throws RulesException when the file cannot be read or is malformed
     */
    public static IgnoreRules parse(Path file) {
        String name = file.toString();
        return parse(read(file, "a readable rules file"), name);
    }

    /**
     * Reads a hints file (UTF-8): the lines of a {@code [hints]} section, from the first line on
     * ({@code hints.file} of {@code concertina.properties}, {@code --hints}).
     *
     * @throws RulesException when the file cannot be read, is malformed, or holds an {@code [ignore]} section
     */
    public static Hints parseHints(Path file) {
        String name = file.toString();
        return RulesParser.parseHints(read(file, "a readable hints file"), name).hints();
    }

    /** The file's text (UTF-8); {@code expected} says what an unreadable file should have been. */
    private static String read(Path file, String expected) {
        String name = file.toString();
        try {
            return decode(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new RulesException(
                    new Origin(name, 0, 0),
                    "a file that cannot be read (" + e.getClass().getSimpleName() + ")",
                    expected,
                    e);
        }
    }

    /** Like {@link #parse(Path)}, but no rules at all when the file does not exist. */
    public static IgnoreRules parseIfPresent(Path file) {
        return Files.exists(file) ? parse(file) : none();
    }

    /**
     * Reads rules from text; {@code sourceName} names it in messages.
     *
     * @throws RulesException when a line is malformed or hints conflict
     */
    public static IgnoreRules parse(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        RulesParser.Parsed parsed = RulesParser.parse(text, sourceName);
        return new IgnoreRules(sourceName, parsed.rules(), parsed.hints(), parsed.policies());
    }

    /** No rules, no hints: every difference is reported. */
    public static IgnoreRules none() {
        return new IgnoreRules(NONE.source, List.of(), Hints.empty(), List.of());
    }

    /**
     * The same rules with these hints merged after the file's own (the command line's, typically),
     * and a fresh record of use.
     *
     * @throws RulesException when a hint conflicts with one of the file's
     */
    public IgnoreRules withHints(Hints more) {
        return new IgnoreRules(source, rules, Hints.merge(hints, more), policies);
    }

    /**
     * Whether the object is ignored as a whole, on either side.
     *
     * <ul>
     *   <li>{@code TABLE}: {@code table} is the table; {@code name} and {@code columns} are not used.</li>
     *   <li>{@code SEQUENCE}: {@code name} is the sequence; {@code table} is not used.</li>
     *   <li>{@code COLUMN}: {@code name} is the column of {@code table}.</li>
     *   <li>{@code INDEX}, {@code UNIQUE}, {@code FK}, {@code CHECK}: {@code name} is the object's own
     *       name (empty when it has none) and {@code columns} its columns in their defined order
     *       (for a foreign key, the referencing ones; for a check, those it mentions, or empty).</li>
     * </ul>
     *
     * Everything in an ignored table is ignored too: for a column, index or constraint a matching
     * table rule answers true. Names match as docs/ignore-rules.md says (any case unless quoted).
     * Every rule that matches is marked used.
     */
    public boolean ignores(ObjectKind kind, String table, String name, List<String> columns) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(columns, "columns");
        boolean ignored = false;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.wholeObject() && matches(rule, kind, table, name, columns)) {
                markUsed(i);
                ignored = true;
            }
        }
        return ignored;
    }

    private static boolean matches(Rule rule, ObjectKind kind, String table, String name, List<String> columns) {
        if (rule.kind() == ObjectKind.TABLE && kind != ObjectKind.SEQUENCE) {
            return ((Target.Single) rule.target()).name().matches(table);
        }
        if (rule.kind() != kind) {
            return false;
        }
        return rule.target().matches(table, name, columns);
    }

    /**
     * The aspects of a column (present on both sides) whose differences are not reported: those of
     * every {@code column ... only ...} rule that matches, and all of them when the column or its
     * table is ignored as a whole. Every rule that matches is marked used.
     */
    public Set<Aspect> ignoredAspects(String table, String column) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.kind() != ObjectKind.TABLE && rule.kind() != ObjectKind.COLUMN) {
                continue;
            }
            if (matches(rule, ObjectKind.COLUMN, table, column, List.of())) {
                markUsed(i);
                aspects.addAll(rule.wholeObject() ? EnumSet.allOf(Aspect.class) : rule.aspects());
            }
        }
        return Collections.unmodifiableSet(aspects);
    }

    /** The rules that have matched nothing so far (stale), in file order. */
    public List<Rule> unused() {
        List<Rule> stale = new ArrayList<>();
        synchronized (used) {
            for (int i = 0; i < rules.size(); i++) {
                if (!used.get(i)) {
                    stale.add(rules.get(i));
                }
            }
        }
        return List.copyOf(stale);
    }

    private void markUsed(int index) {
        synchronized (used) {
            used.set(index);
        }
    }

    /** Every rule, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The renames and conversions of the {@code [hints]} section (plus any merged with {@link #withHints}). */
    public Hints hints() {
        return hints;
    }

    /** The {@code [policy]} lines, in file order (at most one per kind). */
    public List<Policy> policies() {
        return policies;
    }

    /**
     * True when a {@code [policy]} line says the entities decide for this kind (follow-entities);
     * false by default: what the database has and the entities do not write is kept.
     */
    public boolean followsEntities(PolicyKind kind) {
        return policies.stream().anyMatch(p -> p.kind() == kind && p.followEntities());
    }

    /** The file name (or source name) the rules came from. */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return rules.isEmpty() && hints.isEmpty() && policies.isEmpty();
    }

    @Override
    public String toString() {
        return "IgnoreRules[" + source + ", " + rules.size() + " rules]";
    }

    /** Strict UTF-8, so a file saved in another encoding fails at its line instead of matching nothing. */
    private static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new RulesException(
                    new Origin(name, line, column),
                    String.format("byte 0x%02X that is not UTF-8", bytes[bad] & 0xff),
                    "a file saved as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
