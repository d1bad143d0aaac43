package dev.concertina.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The rules-file grammar (docs/ignore-rules.md), one line at a time. */
final class RulesParser {

    private static final String KINDS = "table, column, index, unique, fk, check or sequence";
    private static final String ASPECTS = "type, nullable, default, identity or comment";
    private static final String HINTS = "rename, no-rename, convert or backfill";
    private static final String REASON = "reason \"<why this difference is deliberate>\"";
    private static final String HINT_REASON = "reason \"<a note for the reviewer>\"";

    private enum Section {
        IGNORE,
        HINTS,
        POLICY
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<ColumnRename> columnRenames = new ArrayList<>();
    private final List<TableRename> tableRenames = new ArrayList<>();
    private final List<NoRename> noRenames = new ArrayList<>();
    private final List<ConvertRule> conversions = new ArrayList<>();
    private final List<BackfillRule> backfills = new ArrayList<>();
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
        // Conflicts between hints are found here, reported at the later of the two lines.
        Hints hints = new Hints(
                parser.columnRenames, parser.tableRenames, parser.noRenames, parser.conversions, parser.backfills);
        return new Parsed(List.copyOf(parser.rules), hints, parser.policies.policies());
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
            rule(c);
        } else if (section == Section.POLICY) {
            policies.line(c);
        } else {
            hint(c);
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

    /** A keyword at the start of a line; the whole word up to the next space is what was "found". */
    private static String keyword(Cursor c) {
        int start = c.pos();
        String word = c.word();
        if (word.isEmpty() || !c.atEnd() && !Cursor.isBlank(c.peek())) {
            return c.token(start);
        }
        return word;
    }

    // ---------------------------------------------------------------- [ignore]

    private void rule(Cursor c) {
        int start = c.pos();
        String word = keyword(c);
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

    // ---------------------------------------------------------------- [hints]

    private void hint(Cursor c) {
        int start = c.pos();
        String word = keyword(c);
        switch (word) {
            case "rename" -> rename(c, start);
            case "no-rename" -> noRename(c, start);
            case "convert" -> convert(c, start);
            case "backfill" -> backfill(c, start);
            default -> {
                if (ObjectKind.fromKeyword(word).isPresent()) {
                    throw c.error(
                            start,
                            "rule \"" + word + "\" in the [hints] section",
                            "a hint (" + HINTS + "), or an [ignore] line before the rules");
                }
                throw c.error(start, "unknown hint \"" + word + "\"", "a hint: " + HINTS);
            }
        }
    }

    private void rename(Cursor c, int start) {
        c.requireSpace("a space and \"column\" or \"table\" after \"rename\"");
        int at = c.pos();
        String what = keyword(c);
        switch (what) {
            case "column" -> {
                c.requireSpace("a space and the column as table.old_name");
                Name table = c.name("the table name of table.old_name");
                if (c.peek() != '.') {
                    throw c.unexpected("\".\" and the column's old name: rename column table.old_name -> new_name");
                }
                c.advance(1);
                Name from = c.name("the column's old name after \".\"");
                arrow(c);
                int toAt = c.pos();
                Name to = c.name("the column's new name after \"->\"");
                if (c.peek() == '.') {
                    throw c.error(
                            c.pos(),
                            "\".\" after the new name",
                            "the new column name alone (the column stays in table " + table + ")");
                }
                if (from.overlaps(to)) {
                    throw c.error(
                            toAt, "rename of column " + table + "." + from + " to itself", "a different new name");
                }
                optionalReason(c);
                columnRenames.add(new ColumnRename(table, from, to, c.origin(start)));
            }
            case "table" -> {
                c.requireSpace("a space and the table's old name");
                Name from = c.name("the table's old name");
                if (c.peek() == '.') {
                    throw c.error(
                            c.pos(),
                            "\".\" in a table rename",
                            "rename table old_name -> new_name, or rename column table.old -> new");
                }
                arrow(c);
                int toAt = c.pos();
                Name to = c.name("the table's new name after \"->\"");
                if (from.overlaps(to)) {
                    throw c.error(toAt, "rename of table " + from + " to itself", "a different new name");
                }
                optionalReason(c);
                tableRenames.add(new TableRename(from, to, c.origin(start)));
            }
            default -> throw c.error(at, "found \"" + what + "\"", "\"column\" or \"table\" after \"rename\"");
        }
    }

    private static void arrow(Cursor c) {
        c.skipSpaces();
        if (!c.peekIs("->")) {
            throw c.unexpected("\"->\" between the old and the new name");
        }
        c.advance(2);
        c.skipSpaces();
    }

    private void noRename(Cursor c, int start) {
        c.requireSpace("a space and \"column table.column\" or \"table name\" after \"no-rename\"");
        int at = c.pos();
        String what = c.word();
        boolean keyword = (what.equals("column") || what.equals("table")) && !c.atEnd() && Cursor.isBlank(c.peek());
        if (keyword) {
            c.skipSpaces();
        } else {
            c.advanceTo(at); // the short form: no-rename person.fullname
        }
        Name table = c.name(keyword && what.equals("table") ? "a table name" : "a table.column name");
        Optional<Name> column = Optional.empty();
        if (c.peek() == '.') {
            if (keyword && what.equals("table")) {
                throw c.error(
                        c.pos(), "\".\" after a table name", "no-rename table name, or no-rename column table.column");
            }
            c.advance(1);
            column = Optional.of(c.name("a column name after \".\""));
        } else if (keyword && what.equals("column")) {
            throw c.unexpected("\".\" and a column name: no-rename column table.column");
        } else if (!keyword) {
            throw c.unexpected("\".\" and a column name (no-rename table.column), or no-rename table name");
        }
        optionalReason(c);
        noRenames.add(new NoRename(table, column, c.origin(start)));
    }

    private void convert(Cursor c, int start) {
        c.requireSpace("a space and the column as table.column");
        Name table = c.name("the table of table.column");
        if (c.peek() != '.') {
            throw c.unexpected("\".\" and a column name: convert table.column up \"...\" down \"...\"");
        }
        c.advance(1);
        Name column = c.name("a column name after \".\"");
        c.requireSpace("a space and up \"<SQL expression using {old}>\"");
        String up = expression(c, "up", ConvertRule.OLD, ConvertRule.NEW, "computes the new column from the old one");
        Optional<String> down = Optional.empty();
        c.skipSpaces();
        int at = c.pos();
        if (c.word().equals("down")) {
            c.advanceTo(at);
            down = Optional.of(expression(
                    c, "down", ConvertRule.NEW, ConvertRule.OLD, "computes the old column from the new one"));
        } else {
            c.advanceTo(at);
        }
        optionalReason(c, "down \"<SQL expression using {new}>\", " + HINT_REASON + " or end of line");
        conversions.add(new ConvertRule(table, column, up, down, c.origin(start)));
    }

    private void backfill(Cursor c, int start) {
        c.requireSpace("a space and the column as table.column");
        Name table = c.name("the table of table.column");
        if (c.peek() != '.') {
            throw c.unexpected("\".\" and a column name: backfill table.column using \"...\"");
        }
        c.advance(1);
        Name column = c.name("a column name after \".\"");
        c.requireSpace("a space and using \"<SQL expression>\"");
        int at = c.pos();
        if (!c.word().equals("using")) {
            c.advanceTo(at);
            throw c.unexpected("using \"<SQL expression>\", e.g. using \"'active'\"");
        }
        c.requireSpace("a space and the quoted expression");
        Cursor.Str expr = c.string("a quoted SQL expression such as \"'active'\"");
        if (expr.value().isBlank()) {
            throw c.error(
                    expr.start(), "an empty backfill expression", "the SQL value for existing rows, e.g. \"'active'\"");
        }
        var placeholder =
                java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(expr.value());
        if (placeholder.find()) {
            throw c.error(
                    expr.columns()[placeholder.start()],
                    "placeholder " + placeholder.group() + " in a backfill",
                    "plain SQL: a backfill reads the other columns of the row by their names");
        }
        optionalReason(c);
        backfills.add(new BackfillRule(table, column, expr.value(), c.origin(start)));
    }

    private static String expression(Cursor c, String direction, String must, String mustNot, String meaning) {
        int at = c.pos();
        if (!c.word().equals(direction)) {
            c.advanceTo(at);
            throw c.unexpected(direction + " \"<SQL expression using " + must + ">\"");
        }
        c.requireSpace("a space and the quoted " + direction + " expression");
        Cursor.Str expr = c.string("a quoted " + direction + " expression such as \"CAST(" + must + " AS INTEGER)\"");
        String value = expr.value();
        if (value.isBlank()) {
            throw c.error(expr.start(), "an empty " + direction + " expression", "SQL using " + must);
        }
        // Braces around a word are placeholders; any other brace is SQL text ('{1,2}' array literals).
        var placeholder =
                java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(value);
        while (placeholder.find()) {
            String found = placeholder.group();
            int col = expr.columns()[placeholder.start()];
            if (found.equals(mustNot)) {
                throw c.error(
                        col, mustNot + " in the " + direction + " expression", must + ": " + direction + " " + meaning);
            }
            if (!found.equals(must)) {
                throw c.error(col, "unknown placeholder " + found, must + ", the only placeholder of " + direction);
            }
        }
        if (!value.contains(must)) {
            throw c.error(
                    expr.start(),
                    direction + " expression without " + must,
                    must + " where the " + (must.equals(ConvertRule.OLD) ? "old" : "new")
                            + " column's value goes, e.g. \"CAST(" + must + " AS INTEGER)\"");
        }
        return value;
    }

    /** Hints may end with a reason, for the reviewer; it is not kept. */
    private static void optionalReason(Cursor c) {
        optionalReason(c, "end of line or " + HINT_REASON);
    }

    private static void optionalReason(Cursor c, String expected) {
        c.skipSpaces();
        if (c.atEnd()) {
            return;
        }
        int at = c.pos();
        if (!c.word().equals("reason")) {
            c.advanceTo(at);
            throw c.unexpected(expected);
        }
        c.requireSpace("a space and a quoted reason after \"reason\"");
        Cursor.Str reason = c.string("a quoted reason");
        if (reason.value().isBlank()) {
            throw c.error(reason.start(), "an empty reason", "a reason, or no reason at all on a hint");
        }
        c.requireEnd("end of line after the reason (comments start with #)");
    }

    // ---------------------------------------------------------------- command-line arguments

    static ColumnRename renameArg(String arg) {
        Cursor c = new Cursor("--rename", 1, arg, false);
        Name table = c.name("table.column=new_column");
        if (c.peek() != '.') {
            throw c.unexpected(
                    "\".\" and the old column name: --rename table.column=new_column (or old_table=new_table)");
        }
        c.advance(1);
        Name from = c.name("the old column name after \".\"");
        if (c.peek() != '=') {
            throw c.unexpected("\"=\" and the new column name: --rename table.column=new_column");
        }
        c.advance(1);
        int toAt = c.pos();
        Name to = c.name("the new column name after \"=\"");
        if (!c.atEnd()) {
            throw c.unexpected("the end of the argument: --rename table.column=new_column");
        }
        if (from.overlaps(to)) {
            throw c.error(toAt, "rename of column " + table + "." + from + " to itself", "a different new name");
        }
        return new ColumnRename(table, from, to, c.origin(0));
    }

    static TableRename tableRenameArg(String arg) {
        Cursor c = new Cursor("--rename", 1, arg, false);
        Name from = c.name("old_table=new_table");
        if (c.peek() != '=') {
            throw c.unexpected("\"=\" and the new table name: --rename old_table=new_table");
        }
        c.advance(1);
        int toAt = c.pos();
        Name to = c.name("the new table name after \"=\"");
        if (!c.atEnd()) {
            throw c.unexpected("the end of the argument: --rename old_table=new_table");
        }
        if (from.overlaps(to)) {
            throw c.error(toAt, "rename of table " + from + " to itself", "a different new name");
        }
        return new TableRename(from, to, c.origin(0));
    }

    /** True when a {@code --rename} argument names a column ({@code table.column=...}), false for a table. */
    static boolean renamesColumn(String arg) {
        Cursor c = new Cursor("--rename", 1, arg, false);
        try {
            c.name("x");
        } catch (RulesException e) {
            return true; // let the column form report the problem
        }
        return c.peek() == '.';
    }

    static NoRename noRenameArg(String arg) {
        Cursor c = new Cursor("--no-rename", 1, arg, false);
        Name table = c.name("table.column or table");
        Optional<Name> column = Optional.empty();
        if (c.peek() == '.') {
            c.advance(1);
            column = Optional.of(c.name("a column name after \".\""));
        }
        if (!c.atEnd()) {
            throw c.unexpected("the end of the argument: --no-rename table.column or --no-rename table");
        }
        return new NoRename(table, column, c.origin(0));
    }
}
