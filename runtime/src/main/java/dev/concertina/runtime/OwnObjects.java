package dev.concertina.runtime;

import java.util.Locale;
import java.util.Set;

/**
 * The names of the database objects Concertina itself creates: its version, history and lock
 * tables, and the triggers and functions of the expand phase. The live reader uses this to leave
 * them out of the user's schema, so a diff never reports them.
 *
 * <p>Every such object's name starts with {@value #PREFIX}, in any letter case (H2 folds unquoted
 * names to upper case).
 */
public final class OwnObjects {

    /** The prefix of every table, trigger and function Concertina creates. */
    public static final String PREFIX = "concertina_";

    /** One row per branch head. */
    public static final String VERSION_TABLE = "concertina_version";
    /** One row per applied or attempted revision. */
    public static final String HISTORY_TABLE = "concertina_history";
    /** The migration lock (used where the database has no advisory lock: H2). */
    public static final String LOCK_TABLE = "concertina_lock";

    /** Prefix of the two-way sync triggers (and, on PostgreSQL, their functions). */
    public static final String SYNC_PREFIX = PREFIX + "sync_";
    /** Prefix of the write-guard triggers (and, on PostgreSQL, their functions). */
    public static final String GUARD_PREFIX = PREFIX + "guard_";
    /** The steps of an unfinished non-transactional revision, so a rerun resumes it (docs/runtime.md). */
    public static final String STEP_TABLE = PREFIX + "step";
    /** Prefix of tables tracking resumable backfills. */
    public static final String BACKFILL_TABLE = PREFIX + "backfill";
    /**
     * The up/down expressions and guard messages of H2 sync and guard triggers, which are Java
     * classes and cannot carry them in their own definition; one row per trigger.
     */
    public static final String TRIGGER_CONFIG_TABLE = PREFIX + "trigger_config";

    /** The tables a database held when {@code version_control} adopted it (docs/adoption.md). */
    public static final String ADOPTED_TABLE = PREFIX + "adopted";

    private static final Set<String> TABLES = Set.of(
            VERSION_TABLE, HISTORY_TABLE, LOCK_TABLE, BACKFILL_TABLE, TRIGGER_CONFIG_TABLE, STEP_TABLE, ADOPTED_TABLE);

    private OwnObjects() {}

    /** True for a table Concertina created, whatever the case the database stored it in. */
    public static boolean isOwnTable(String name) {
        return TABLES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** True for a trigger (or trigger function) Concertina created. */
    public static boolean isOwnTrigger(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }
}
