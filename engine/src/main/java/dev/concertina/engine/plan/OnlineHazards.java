package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BACKFILL;
import static dev.concertina.engine.plan.HazardCode.INDEX_BUILD;
import static dev.concertina.engine.plan.HazardCode.LONG_LOCK;
import static dev.concertina.engine.plan.HazardCode.TABLE_REWRITE;
import static dev.concertina.engine.plan.HazardCode.VALIDATES_ROWS;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The hazards of the steps that run in an online form (the runtime's {@code OnlineDdl}), per
 * database: which form is used and what it still locks (docs/hazards.md, docs/expand.md "Online DDL").
 * PostgreSQL gets the online forms in a revision that is not transactional, which is how such
 * revisions are generated; H2 keeps the plain forms.
 */
final class OnlineHazards {

    private static final Dialect[] MY = {Dialect.MARIADB, Dialect.MYSQL};

    private OnlineHazards() {}

    /** Building an index over existing rows ({@code what}: "index on [email]"). */
    static List<Hazard> indexBuild(Branch phase, String what) {
        return List.of(
                Hazard.on(
                        INDEX_BUILD,
                        phase,
                        what + ": CREATE INDEX CONCURRENTLY, writes go on; it waits for older"
                                + " transactions, and a failed build leaves an invalid index that the next run drops",
                        Dialect.POSTGRES),
                Hazard.on(
                        INDEX_BUILD,
                        phase,
                        what + ": ALGORITHM=INPLACE, LOCK=NONE, writes go on; a brief metadata lock"
                                + " at start and end",
                        MY),
                Hazard.on(INDEX_BUILD, phase, what + ": writes wait for the build", Dialect.H2));
    }

    /** A unique constraint: its index built as {@link #indexBuild}, then attached. */
    static List<Hazard> uniqueBuild(Branch phase, String what) {
        return List.of(
                Hazard.on(
                        INDEX_BUILD,
                        phase,
                        what + ": CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING"
                                + " INDEX under a brief exclusive lock; a failed build leaves an invalid index that the next run drops",
                        Dialect.POSTGRES),
                Hazard.on(INDEX_BUILD, phase, what + ": ALGORITHM=INPLACE, LOCK=NONE, writes go on", MY),
                Hazard.on(INDEX_BUILD, phase, what + ": writes wait for the build", Dialect.H2));
    }

    /** A foreign key over existing rows. */
    static List<Hazard> foreignKey(Branch phase) {
        return List.of(
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "added NOT VALID under a brief lock of both tables, then VALIDATE CONSTRAINT"
                                + " (SHARE UPDATE EXCLUSIVE); if validation fails the key stays NOT VALID",
                        Dialect.POSTGRES),
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "ALGORITHM=INPLACE, LOCK=NONE with the session's key checks off (after the"
                                + " pre-check); rows written meanwhile are checked after",
                        MY),
                Hazard.on(LONG_LOCK, phase, "validates every row", Dialect.H2));
    }

    /** A check constraint over existing rows. */
    static List<Hazard> check(Branch phase) {
        return List.of(
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "added NOT VALID under a brief lock, then VALIDATE CONSTRAINT"
                                + " (SHARE UPDATE EXCLUSIVE); if validation fails the check stays NOT VALID",
                        Dialect.POSTGRES),
                Hazard.on(
                        TABLE_REWRITE,
                        phase,
                        // The shadow table is copied in full (a rewrite, sized by the row estimate), but not under a
                        // lock.
                        "MariaDB: a shadow table with the check, filled in batches while triggers keep it in step,"
                                + " swapped in by RENAME TABLE under a brief metadata lock, writes go on; MySQL, or a"
                                + " table with foreign keys, triggers of its own or no primary key: ALGORITHM=COPY,"
                                + " writes wait for the copy",
                        MY),
                Hazard.on(LONG_LOCK, phase, "validates every row", Dialect.H2));
    }

    /** SET NOT NULL on a column with existing rows. */
    static List<Hazard> setNotNull(Branch phase) {
        return List.of(
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "SET NOT NULL through CHECK (column IS NOT NULL) NOT VALID + VALIDATE"
                                + " (SHARE UPDATE EXCLUSIVE), then SET NOT NULL without a scan under a brief exclusive lock",
                        Dialect.POSTGRES),
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "a shadow table with NOT NULL is filled in batches while triggers keep it in step, then"
                                + " swapped in by one RENAME TABLE: writes go on (a table with foreign keys or"
                                + " triggers of its own is rebuilt in place, under an exclusive lock at the end)",
                        Dialect.MARIADB),
                Hazard.on(
                        VALIDATES_ROWS,
                        phase,
                        "the table is rebuilt in place (ALGORITHM=INPLACE, LOCK=NONE): writes go on",
                        Dialect.MYSQL),
                Hazard.on(LONG_LOCK, phase, "SET NOT NULL validates every row", Dialect.H2));
    }

    /**
     * A column type change: where PostgreSQL would rewrite or scan the table, a column swap there and on
     * MariaDB (the runtime's {@code OnlineDdl.changeType}); in place elsewhere, a rewrite where
     * {@code rewrites} says.
     */
    static List<Hazard> typeChange(Branch phase, String types, Set<Dialect> rewrites) {
        List<Hazard> out = new java.util.ArrayList<>();
        Set<Dialect> swapped = EnumSet.noneOf(Dialect.class);
        if (rewrites.contains(Dialect.POSTGRES)) {
            swapped.add(Dialect.POSTGRES);
            if (rewrites.contains(Dialect.MARIADB)) {
                swapped.add(Dialect.MARIADB);
            }
        }
        Set<Dialect> inPlace = EnumSet.noneOf(Dialect.class);
        inPlace.addAll(rewrites);
        inPlace.removeAll(swapped);
        if (!inPlace.isEmpty()) {
            out.add(new Hazard(TABLE_REWRITE, phase, types, inPlace));
        }
        if (!swapped.isEmpty()) {
            out.add(new Hazard(BACKFILL, phase, types + ": " + SWAP, swapped));
        }
        return out;
    }

    /** A hinted conversion: a column swap on every database. */
    static List<Hazard> conversion(Branch phase, String types) {
        return List.of(Hazard.of(
                BACKFILL,
                phase,
                types + ": column swap (a copy through the conversion, filled in batches and kept equal by a trigger,"
                        + " swapped in atomically; the column moves to the end of the table)"));
    }

    private static final String SWAP = "column swap (a trigger-synced copy filled in batches, swapped in atomically;"
            + " the column moves to the end of the table); a rewrite in place when an index, constraint or identity"
            + " is on the column";
}
