package dev.concertina.rules;

import java.util.Objects;

/**
 * A confirmed column rename: the column {@code from} of {@code table} becomes {@code to}, keeping its
 * data. {@code table} is the table's name in the model (its new name when the table is renamed too).
 * Written {@code rename column person.fullname -> display_name}, or {@code --rename
 * person.fullname=display_name}.
 */
public record ColumnRename(Name table, Name from, Name to, Origin origin) {

    public ColumnRename {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(origin, "origin");
        if (from.overlaps(to)) {
            throw new RulesException(
                    origin, "rename of column " + table + "." + from + " to itself", "a different new name");
        }
    }

    /** True for this table and this old column name. */
    public boolean matchesOld(String table, String column) {
        return this.table.matches(table) && from.matches(column);
    }

    /** True for this table and this new column name. */
    public boolean matchesNew(String table, String column) {
        return this.table.matches(table) && to.matches(column);
    }

    /** True when this hint confirms exactly the pair (old column, new column) in this table. */
    public boolean matches(String table, String oldColumn, String newColumn) {
        return matchesOld(table, oldColumn) && to.matches(newColumn);
    }

    boolean sameAs(ColumnRename other) {
        return table.overlaps(other.table) && from.overlaps(other.from) && to.overlaps(other.to);
    }

    /** The hint as it is written in the hints section. */
    @Override
    public String toString() {
        return "rename column " + table + "." + from + " -> " + to;
    }
}
