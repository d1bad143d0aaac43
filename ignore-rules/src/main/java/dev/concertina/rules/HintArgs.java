package dev.concertina.rules;

import java.util.Optional;

/** The command line's {@code --rename} and {@code --no-rename} arguments, with the rules file's errors. */
final class HintArgs {

    private HintArgs() {}

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
