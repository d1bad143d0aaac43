package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.dialect.ExpandDialect;
import dev.concertina.runtime.expand.dialect.SyncSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Keeps an old and a new column of a table equal while both old and new application code write
 * it (docs/expand.md): on INSERT, a null new column is filled from the old one ({@code new :=
 * up(old)}), else the old one from the new ({@code old := down(new)}: the new column has no default
 * until the contract, so a value in it was written by the new release, and wins over the old
 * column's default); on UPDATE, a changed new column is copied to
 * the old one, else a changed old column to the new one. Writes made by a {@link Backfill} batch
 * are left alone.
 *
 * <p>PostgreSQL: a plpgsql function and a {@code BEFORE INSERT OR UPDATE} row trigger, both named
 * {@link TriggerNames#sync}; MariaDB/MySQL: {@code BEFORE INSERT} and {@code BEFORE UPDATE}
 * triggers ({@code …_ins}, {@code …_upd}); H2: {@link dev.concertina.runtime.expand.h2.H2SyncTrigger}.
 * Installing again replaces; {@link #drop} removes the triggers and the function.
 *
 * <p>Table and column names are given in the database's own case and are always quoted.
 */
public final class SyncTriggers {

    private SyncTriggers() {}

    /** {@link #install(Connection, Dialect, String, String, String, Conversion, Conversion)} on the migration's connection. */
    public static void install(
            MigrationContext ctx, String table, String oldColumn, String newColumn, Conversion up, Conversion down) {
        ctx.step(
                "install sync trigger \"" + table + "\".\"" + oldColumn + "\" -> \"" + newColumn + "\"",
                () -> install(ctx.connection(), ctx.dialect(), table, oldColumn, newColumn, up, down));
    }

    /** {@link #drop(Connection, Dialect, String, String, String)} on the migration's connection. */
    public static void drop(MigrationContext ctx, String table, String oldColumn, String newColumn) {
        ctx.step(
                "drop sync trigger \"" + table + "\".\"" + oldColumn + "\" -> \"" + newColumn + "\"",
                () -> drop(ctx.connection(), ctx.dialect(), table, oldColumn, newColumn));
    }

    /**
     * Installs the sync trigger(s) for {@code oldColumn} → {@code newColumn} of {@code table}.
     *
     * @param up   old → new ({@link Conversion#identity()} for a rename)
     * @param down new → old, or {@link Conversion#none()} for a one-way sync (a derived column)
     * @throws ConcertinaException REFUSED when MariaDB/MySQL would refuse to create triggers
     *         (see {@link TriggerPreflight}); MIGRATION_FAILED when the database refuses
     */
    public static void install(
            Connection connection,
            Dialect dialect,
            String table,
            String oldColumn,
            String newColumn,
            Conversion up,
            Conversion down) {
        SyncSpec spec = new SyncSpec(table, oldColumn, newColumn, up, down);
        if (!up.copies()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "sync trigger " + spec.describe() + ": the up conversion (old -> new) cannot be none");
        }
        if (oldColumn.equals(newColumn)) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "sync trigger " + spec.describe() + ": old and new column are the same");
        }
        TriggerPreflight.check(connection, dialect);
        try {
            ExpandDialect.of(dialect).installSync(connection, spec);
        } catch (SQLException e) {
            // MariaDB creates one trigger per event, each committed: none may stay without the others.
            try {
                ExpandDialect.of(dialect).dropSync(connection, table, oldColumn, newColumn);
            } catch (SQLException | RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "install sync trigger " + spec.describe() + ": " + oneLine(e), e);
        }
    }

    /** Drops the sync trigger(s) of the pair and, on PostgreSQL, their function; nothing when absent. */
    public static void drop(Connection connection, Dialect dialect, String table, String oldColumn, String newColumn) {
        Objects.requireNonNull(table, "table");
        try {
            ExpandDialect.of(dialect).dropSync(connection, table, oldColumn, newColumn);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "drop sync trigger \"" + table + "\".\"" + oldColumn + "\" -> \"" + newColumn + "\": " + oneLine(e),
                    e);
        }
    }

    static String oneLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    // Overloads for generated migrations, which hold every name as SchemaNames' jOOQ Name.

    /** {@link #install(MigrationContext, String, String, String, Conversion, Conversion)} with SchemaNames' names. */
    public static void install(
            MigrationContext ctx,
            org.jooq.Name table,
            org.jooq.Name oldColumn,
            org.jooq.Name newColumn,
            Conversion up,
            Conversion down) {
        install(ctx, table.last(), oldColumn.last(), newColumn.last(), up, down);
    }

    /** {@link #drop(MigrationContext, String, String, String)} with {@code SchemaNames} names. */
    public static void drop(
            MigrationContext ctx, org.jooq.Name table, org.jooq.Name oldColumn, org.jooq.Name newColumn) {
        drop(ctx, table.last(), oldColumn.last(), newColumn.last());
    }
}
