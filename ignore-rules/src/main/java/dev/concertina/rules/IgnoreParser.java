package dev.concertina.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code [ignore]} lines of a rules file: {@code <kind> <pattern> [only <aspects>] reason "<why>"}
 * (docs/ignore-rules.md, "Rules").
 */
final class IgnoreParser {

    private static final String KINDS = "table, column, index, unique, fk, check or sequence";
    private static final String ASPECTS = "type, nullable, default, identity or comment";
    private static final String REASON = "reason \"<why this difference is deliberate>\"";

    private final List<Rule> rules = new ArrayList<>();

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    void line(Cursor c) {
        int start = c.pos();
        String word = c.keyword();
        Optional<ObjectKind> maybeKind = ObjectKind.fromKeyword(word);
        if (maybeKind.isEmpty()) {
            if (List.of("rename", "no-rename", "convert", "backfill").contains(word)) {
                throw c.error(
                        start,
                        "hint \"" + word + "\" in the [ignore] section",
                        "a rule kind (" + KINDS + "), or a [hints] line before the hints");
            }
            throw c.error(start, "unknown kind \"" + word + "\"", "a rule kind: " + KINDS);
        }
        ObjectKind kind = maybeKind.get();
        c.requireSpace("a space and a " + what(kind) + " after \"" + kind.keyword() + "\"");
        Target target = target(c, kind);

        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        c.skipSpaces();
        int wordAt = c.pos();
        String next = c.word();
        if (next.equals("only")) {
            if (kind != ObjectKind.COLUMN) {
                throw c.error(
                        wordAt,
                        "\"only\" on a " + kind.keyword() + " rule",
                        REASON + " (only column rules take \"only <aspects>\")");
            }
            c.requireSpace("a space and the aspects to silence: " + ASPECTS);
            aspects = aspects(c);
            c.skipSpaces();
            wordAt = c.pos();
            next = c.word();
        }
        if (!next.equals("reason")) {
            c.advanceTo(wordAt);
            String expected = kind == ObjectKind.COLUMN && aspects.isEmpty() ? "only <aspects> or " + REASON : REASON;
            if (c.atEnd()) {
                throw c.error(wordAt, "a rule with no reason", expected);
            }
            throw c.unexpected(expected);
        }
        c.requireSpace("a space and a quoted reason after \"reason\"");
        Cursor.Str reason = c.string("a quoted reason such as reason \"kept for the reporting job\"");
        if (reason.value().isBlank()) {
            throw c.error(reason.start(), "an empty reason", "a reason saying why this difference is deliberate");
        }
        c.requireEnd("end of line after the reason (comments start with #)");
        String text = c.text().substring(start, c.pos()).strip();
        rules.add(new Rule(kind, target, aspects, reason.value().strip(), c.origin(start), text));
    }

    private static String what(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> "table name pattern";
            case SEQUENCE -> "sequence name pattern";
            case COLUMN -> "table.column pattern";
            default -> "table.name or table(columns) pattern";
        };
    }

    private static Target target(Cursor c, ObjectKind kind) {
        return switch (kind) {
            case TABLE, SEQUENCE -> {
                Glob name = c.pattern("a " + what(kind));
                if (c.peek() == '.') {
                    throw c.error(
                            c.pos(),
                            "\".\" after the " + kind.keyword() + " name " + name,
                            "a single name (schemas are not named; a name with a dot in it goes in double quotes)");
                }
                if (c.peek() == '(') {
                    throw c.error(
                            c.pos(),
                            "a column list on a " + kind.keyword() + " rule",
                            "a " + kind.keyword() + " name alone; column lists name indexes and constraints");
                }
                yield new Target.Single(name);
            }
            case COLUMN -> {
                int at = c.pos();
                Glob table = c.pattern("a table.column pattern such as person.legacy_* or *.created_at");
                if (c.peek() != '.') {
                    if (c.atEnd() || Cursor.isBlank(c.peek())) {
                        throw c.error(
                                at,
                                "\"" + table + "\" without a column",
                                "table.column, e.g. person.legacy_* or *.created_at");
                    }
                    throw c.unexpected(
                            "\".\" and a column name: column rules are written table.column, e.g. person.legacy_* or *.created_at");
                }
                c.advance(1);
                yield new Target.Member(table, c.pattern("a column name pattern after \".\""));
            }
            case INDEX, UNIQUE, FK, CHECK -> {
                int at = c.pos();
                Glob table = c.pattern("a " + what(kind));
                if (c.peek() == '.') {
                    c.advance(1);
                    yield new Target.Member(table, c.pattern("a " + kind.keyword() + " name pattern after \".\""));
                }
                if (c.peek() == '(') {
                    yield new Target.Columns(table, columnList(c), kind == ObjectKind.INDEX);
                }
                String expected = "table.name or table(column, ...), e.g. person.ix_email or person(email, tenant_id)";
                if (c.atEnd() || Cursor.isBlank(c.peek())) {
                    throw c.error(at, "\"" + table + "\" without a name or a column list", expected);
                }
                throw c.unexpected(expected);
            }
        };
    }

    private static List<Glob> columnList(Cursor c) {
        int open = c.pos();
        c.advance(1);
        c.skipSpaces();
        if (c.peek() == ')') {
            throw c.error(c.pos(), "an empty column list", "at least one column name pattern between ( and )");
        }
        List<Glob> columns = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        while (true) {
            c.skipSpaces();
            if (c.atEnd()) {
                throw c.error(
                        open,
                        "\"(\" with no closing \")\"",
                        "a column list closed on the same line, such as person(email, tenant_id)");
            }
            at.add(c.pos());
            columns.add(c.pattern("a column name pattern"));
            c.skipSpaces();
            if (c.peek() == ',') {
                c.advance(1);
                continue;
            }
            if (c.peek() == ')') {
                c.advance(1);
                break;
            }
            if (c.atEnd() || c.text().indexOf(')', c.pos()) < 0) {
                throw c.error(
                        open,
                        "\"(\" with no closing \")\"",
                        "a column list closed on the same line, such as person(email, tenant_id)");
            }
            throw c.unexpected("\",\" or \")\" in the column list");
        }
        for (int j = 0; j < columns.size(); j++) {
            for (int i = 0; i < j; i++) {
                Glob a = columns.get(i);
                Glob b = columns.get(j);
                if (a.isLiteral()
                        && b.isLiteral()
                        && new Name(a.text(), a.exact()).overlaps(new Name(b.text(), b.exact()))) {
                    throw c.error(at.get(j), "column " + b + " twice in the list", "each column once");
                }
            }
        }
        return columns;
    }

    private static Set<Aspect> aspects(Cursor c) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        while (true) {
            int at = c.pos();
            String word = c.word();
            if (word.isEmpty() || word.equals("reason") && aspects.isEmpty()) {
                c.advanceTo(at);
                throw c.unexpected("at least one aspect after \"only\": " + ASPECTS);
            }
            Aspect aspect = Aspect.fromKeyword(word)
                    .orElseThrow(() -> c.error(at, "unknown aspect \"" + word + "\"", "an aspect: " + ASPECTS));
            if (!aspects.add(aspect)) {
                throw c.error(at, "aspect \"" + word + "\" twice", "each aspect once");
            }
            c.skipSpaces();
            if (c.peek() != ',') {
                return aspects;
            }
            c.advance(1);
            c.skipSpaces();
        }
    }
}
