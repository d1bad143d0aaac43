package dev.concertina.engine.plan;

import java.util.Objects;

/**
 * A dropped and an added column (or table) that may be one thing renamed. Concertina never
 * guesses: the plan refuses to be generated until a hint confirms or denies it.
 *
 * @param table for a column: its table; for a table: the dropped table
 * @param from  the dropped column (or table)
 * @param to    the added column (or table)
 */
public record PossibleRename(Kind kind, String table, String from, String to) {

    public enum Kind {
        COLUMN,
        TABLE
    }

    public PossibleRename {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static PossibleRename column(String table, String from, String to) {
        return new PossibleRename(Kind.COLUMN, table, from, to);
    }

    public static PossibleRename table(String from, String to) {
        return new PossibleRename(Kind.TABLE, from, from, to);
    }

    /** The {@code --rename} argument that confirms it: {@code person.fullname=display_name} or {@code person=people}. */
    public String renameSpec() {
        return kind == Kind.COLUMN ? table + "." + from + "=" + to : from + "=" + to;
    }

    /** The {@code --no-rename} argument that denies it: {@code person.fullname} or {@code person}. */
    public String noRenameSpec() {
        return kind == Kind.COLUMN ? table + "." + from : from;
    }

    /** The hint line of the rules file that confirms it: {@code rename column person.fullname -> display_name}. */
    public String rulesLine() {
        return kind == Kind.COLUMN
                ? "rename column " + table + "." + from + " -> " + to
                : "rename table " + from + " -> " + to;
    }

    /** One line: what it is and every way to confirm or deny it. */
    public String message() {
        String what = kind == Kind.COLUMN
                ? "column \"" + table + "\".\"" + from + "\" was dropped and \"" + table + "\".\"" + to + "\" added"
                : "table \"" + from + "\" was dropped and \"" + to + "\" added";
        String where = kind == Kind.COLUMN ? "on the field" : "on the entity class";
        return "possible rename: " + what + "; confirm with --rename " + renameSpec()
                + ", a '" + rulesLine() + "' line in the rules file, or @RenamedFrom(\"" + from + "\") " + where
                + "; deny with --no-rename " + noRenameSpec();
    }
}
