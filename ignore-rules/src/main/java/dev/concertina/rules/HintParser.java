package dev.concertina.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code [hints]} lines of a rules file, or every line of a hints file: {@code rename},
 * {@code no-rename}, {@code convert} and {@code backfill} (docs/ignore-rules.md, "Hints").
 */
final class HintParser {

    private static final String HINTS = "rename, no-rename, convert or backfill";
    private static final String HINT_REASON = "reason \"<a note for the reviewer>\"";

    private final List<ColumnRename> columnRenames = new ArrayList<>();
    private final List<TableRename> tableRenames = new ArrayList<>();
    private final List<NoRename> noRenames = new ArrayList<>();
    private final List<ConvertRule> conversions = new ArrayList<>();
    private final List<BackfillRule> backfills = new ArrayList<>();

    /** The hints read so far; conflicts between them are found here, reported at the later of two lines. */
    Hints hints() {
        return new Hints(columnRenames, tableRenames, noRenames, conversions, backfills);
    }

    void line(Cursor c) {
        int start = c.pos();
        String word = c.keyword();
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
        String what = c.keyword();
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
        TableColumn target = tableColumn(c, "convert table.column up \"...\" down \"...\"");
        Name table = target.table();
        Name column = target.column();
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
        TableColumn target = tableColumn(c, "backfill table.column using \"...\"");
        Name table = target.table();
        Name column = target.column();
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
        var placeholder = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(expr.value());
        if (placeholder.find()) {
            throw c.error(
                    expr.columns()[placeholder.start()],
                    "placeholder " + placeholder.group() + " in a backfill",
                    "plain SQL: a backfill reads the other columns of the row by their names");
        }
        optionalReason(c);
        backfills.add(new BackfillRule(table, column, expr.value(), c.origin(start)));
    }

    private record TableColumn(Name table, Name column) {}

    /** The {@code table.column} a convert or backfill hint is about; {@code usage} shows the hint's form. */
    private static TableColumn tableColumn(Cursor c, String usage) {
        c.requireSpace("a space and the column as table.column");
        Name table = c.name("the table of table.column");
        if (c.peek() != '.') {
            throw c.unexpected("\".\" and a column name: " + usage);
        }
        c.advance(1);
        return new TableColumn(table, c.name("a column name after \".\""));
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
        var placeholder = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(value);
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
}
