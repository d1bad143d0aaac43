package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.dialect.ExpandDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refuses every INSERT, UPDATE and DELETE on a table with a message, while reads go on: the expand
 * step for a change no trigger can keep both ways (a lossy conversion), in Keystone's manner.
 *
 * <p>PostgreSQL: a plpgsql function raising {@code P0001} and a {@code BEFORE INSERT OR UPDATE OR
 * DELETE OR TRUNCATE} statement trigger; MariaDB/MySQL: three row triggers
 * ({@code SIGNAL SQLSTATE '45000'}, message at most 128 characters; a statement matching no row is
 * not refused there); H2: {@link dev.concertina.runtime.expand.h2.H2GuardTrigger} (SQLSTATE 45000).
 */
public final class WriteGuard {

    private WriteGuard() {}

    /** {@link #install(Connection, Dialect, String, String)} on the migration's connection. */
    public static void install(MigrationContext ctx, String table, String message) {
        ctx.step(
                "install write guard \"" + table + "\"",
                () -> install(ctx.connection(), ctx.dialect(), table, message));
    }

    /** {@link #drop(Connection, Dialect, String)} on the migration's connection. */
    public static void drop(MigrationContext ctx, String table) {
        ctx.step("drop write guard \"" + table + "\"", () -> drop(ctx.connection(), ctx.dialect(), table));
    }

    /** Installs (or replaces) the guard of {@code table}. */
    public static void install(Connection connection, Dialect dialect, String table, String message) {
        if (message == null || message.isBlank()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "write guard on \"" + table + "\": the message is empty");
        }
        TriggerPreflight.check(connection, dialect);
        try {
            ExpandDialect.of(dialect).installGuard(connection, table, message);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "install write guard on \"" + table + "\": " + SyncTriggers.oneLine(e),
                    e);
        }
    }

    /** Drops the guard of {@code table} (and its function on PostgreSQL); nothing when absent. */
    public static void drop(Connection connection, Dialect dialect, String table) {
        try {
            ExpandDialect.of(dialect).dropGuard(connection, table);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "drop write guard on \"" + table + "\": " + SyncTriggers.oneLine(e), e);
        }
    }

    // Overloads for generated migrations, which hold every name as SchemaNames' jOOQ Name.

    /** {@link #install(MigrationContext, String, String)} with a {@code SchemaNames} name. */
    public static void install(MigrationContext ctx, org.jooq.Name table, String message) {
        install(ctx, table.last(), message);
    }

    /** {@link #drop(MigrationContext, String)} with a {@code SchemaNames} name. */
    public static void drop(MigrationContext ctx, org.jooq.Name table) {
        drop(ctx, table.last());
    }
}
