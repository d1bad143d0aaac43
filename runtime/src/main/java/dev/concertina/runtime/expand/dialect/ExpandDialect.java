package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What the expand helpers need from each database: trigger DDL for sync and guard triggers, and
 * the session settings of a backfill. One class per dialect; not API (the public entry points are
 * {@code SyncTriggers}, {@code WriteGuard} and {@code Backfill}).
 */
public sealed interface ExpandDialect permits PostgresExpand, MariaDbExpand, H2Expand {

    /** The session user variable / setting that tells sync triggers a backfill batch is writing. */
    String BACKFILL_FLAG = "concertina_backfill";

    static ExpandDialect of(Dialect dialect) {
        switch (dialect) {
            case POSTGRES:
                return new PostgresExpand();
            case MARIADB:
                return new MariaDbExpand(false);
            case MYSQL:
                return new MariaDbExpand(true);
            case H2:
                return new H2Expand();
            default:
                throw new IllegalArgumentException(dialect.toString());
        }
    }

    Dialect dialect();

    /** Creates (or replaces) the sync trigger(s) of one column pair. */
    void installSync(Connection connection, SyncSpec spec) throws SQLException;

    /** Drops the sync trigger(s) of one column pair, and their function; no error when absent. */
    void dropSync(Connection connection, String table, String oldColumn, String newColumn) throws SQLException;

    /** Creates (or replaces) the write guard of a table. */
    void installGuard(Connection connection, String table, String message) throws SQLException;

    /** Drops the write guard of a table; no error when absent. */
    void dropGuard(Connection connection, String table) throws SQLException;

    /**
     * Prepares a connection for a backfill: a short lock wait, and the flag that makes sync
     * triggers leave the batch's writes alone. The returned session restores the connection.
     */
    BackfillSession startBackfill(Connection connection, Duration lockTimeout) throws SQLException;

    /** True for errors a batch can be retried after: lock wait timeout, deadlock, serialization failure. */
    boolean isRetryable(SQLException e);

    /** Per-connection backfill state. */
    interface BackfillSession extends AutoCloseable {
        /** Runs first in every batch transaction. */
        void beginBatch() throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
