package dev.concertina.runtime;

import java.sql.Connection;
import org.jooq.DSLContext;

/** What a running migration gets: the database, in jOOQ and JDBC form. */
public interface MigrationContext {

    /**
     * A jOOQ context for the target dialect on {@link #connection()}, rendering every identifier
     * quoted, as written (give names in the database's own case).
     */
    DSLContext dsl();

    /** The JDBC connection the migration runs on (inside its transaction where there is one). */
    Connection connection();

    /** The database family. */
    Dialect dialect();

    /** The revision running. */
    ResolvedMigration revision();

    /**
     * Reports progress of a long step (a backfill batch, an index build) to the runner's
     * {@link MigrationListener#progress}.
     */
    void progress(String message);

    /**
     * Runs {@code work} as one step of the revision: in a revision that runs without a transaction,
     * the runner records it when it returns and skips it when the revision runs again after a crash
     * or a failure (docs/runtime.md, "After a crash"). Statements {@code work} issues are not steps
     * of their own, so it must be safe to run again when it did not return (as the runtime's
     * backfills and trigger installers are). Elsewhere it just runs {@code work}.
     */
    default void step(String description, Runnable work) {
        work.run();
    }

    /**
     * How long a DDL statement of {@link dev.concertina.runtime.online.OnlineDdl} waits for its lock,
     * how often it retries and its total patience ({@link MigratorConfig.Builder#lockRetry}).
     */
    default dev.concertina.runtime.online.LockRetry lockRetry() {
        return dev.concertina.runtime.online.LockRetry.DEFAULTS;
    }
}
