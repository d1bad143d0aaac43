package dev.concertina.engine.diff;

import java.util.Objects;
import java.util.Set;

/**
 * The tables a database held before Concertina managed it: all of them while it is not under
 * Concertina's version control, else those recorded when {@code version_control} adopted it. No
 * entity mapping such a table is silence, not a request to drop it (docs/planner.md, "Tables no
 * entity maps"); tables created since are Concertina's, and dropped when their entity goes.
 *
 * @param tables  the names, as the database stores them
 * @param because why they predate Concertina, for the kept item's reason
 */
public record PreexistingTables(Set<String> tables, String because) {

    /** No table predates Concertina: every table no entity maps is planned for a drop. */
    public static final PreexistingTables NONE = new PreexistingTables(Set.of(), "");

    public PreexistingTables {
        tables = Set.copyOf(tables);
        Objects.requireNonNull(because, "because");
    }

    /** Every table of a database that is not under version control. */
    public static PreexistingTables notUnderVersionControl(Set<String> tables) {
        return new PreexistingTables(tables, "the database is not under Concertina's version control");
    }

    /** The tables recorded when {@code version_control} adopted the database. */
    public static PreexistingTables adopted(Set<String> tables) {
        return new PreexistingTables(tables, "it was there when version_control adopted the database");
    }

    public boolean contains(String table) {
        return tables.contains(table);
    }
}
