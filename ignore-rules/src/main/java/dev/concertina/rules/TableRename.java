package dev.concertina.rules;

import java.util.Objects;

/**
 * A confirmed table rename, written {@code rename table people -> person} (or {@code --rename-table
 * people=person}).
 */
public record TableRename(Name from, Name to, Origin origin) {

    public TableRename {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(origin, "origin");
        if (from.overlaps(to)) {
            throw new RulesException(origin, "rename of table " + from + " to itself", "a different new name");
        }
    }

    public boolean matches(String oldTable, String newTable) {
        return from.matches(oldTable) && to.matches(newTable);
    }

    boolean sameAs(TableRename other) {
        return from.overlaps(other.from) && to.overlaps(other.to);
    }

    @Override
    public String toString() {
        return "rename table " + from + " -> " + to;
    }
}
