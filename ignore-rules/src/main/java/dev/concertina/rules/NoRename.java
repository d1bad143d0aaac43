package dev.concertina.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * A denied rename: the dropped and the added column (or table) really are a drop and an add. With a
 * column, {@code no-rename column person.fullname} (or {@code --no-rename person.fullname}) denies
 * every rename from or to that column; with none, {@code no-rename table people} denies every
 * rename from or to that table.
 */
public record NoRename(Name table, Optional<Name> column, Origin origin) {

    public NoRename {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(origin, "origin");
    }

    /** True when this hint denies renaming this column (as the old or the new name). */
    public boolean matchesColumn(String table, String column) {
        return this.column.isPresent()
                && this.table.matches(table)
                && this.column.get().matches(column);
    }

    /** True when this hint denies renaming this table (as the old or the new name). */
    public boolean matchesTable(String table) {
        return column.isEmpty() && this.table.matches(table);
    }

    boolean sameAs(NoRename other) {
        return table.overlaps(other.table)
                && column.isPresent() == other.column.isPresent()
                && (column.isEmpty() || column.get().overlaps(other.column.get()));
    }

    @Override
    public String toString() {
        return column.map(c -> "no-rename column " + table + "." + c).orElse("no-rename table " + table);
    }
}
