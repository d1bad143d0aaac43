package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.dialect.TableSyncSpec;
import dev.concertina.runtime.expand.dialect.TableSyncTriggers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps an old and a new table in step while old code writes the old one and new code the new
 * one (a table rename, docs/expand.md): every INSERT, UPDATE and DELETE on either table is made on
 * the other too, to the row with the same key, each column converted ({@code up} old → new,
 * {@code down} new → old). Columns not mapped are left to their defaults.
 *
 * <p>{@code AFTER} row triggers on each table write the other: PostgreSQL a plpgsql function and
 * trigger per table; MariaDB/MySQL a trigger per table and event ({@code …_ins}, {@code …_upd},
 * {@code …_del}); H2 {@link dev.concertina.runtime.expand.h2.H2TableSyncTrigger} per table,
 * configured by a row of {@code concertina_trigger_config}. Names come from
 * {@link TriggerNames#tableSync}.
 * A trigger's own write, and every write inside {@link #withoutSync}, sets the same session flag a
 * {@link Backfill} batch sets, so the other table's trigger does not write it back (no recursion).
 *
 * <p>Install the sync before copying the existing rows ({@link #withoutSync} around the copy), so
 * that no write of old code falls between the copy and the sync. Table and column names are given
 * in the database's own case and are always quoted.
 */
public final class TableSync {

    private TableSync() {}

    /** A column of the old table, the column of the new table it becomes, and its two conversions. */
    public record Column(String oldColumn, String newColumn, Conversion up, Conversion down) {
        public Column {
            Objects.requireNonNull(oldColumn, "oldColumn");
            Objects.requireNonNull(newColumn, "newColumn");
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(down, "down");
        }
    }

    /** A column kept under its name, copied unchanged both ways. */
    public static Column column(String name) {
        return new Column(name, name, Conversion.identity(), Conversion.identity());
    }

    /** A column of the old table that becomes {@code newColumn}, converted by {@code up} and {@code down}. */
    public static Column column(String oldColumn, String newColumn, Conversion up, Conversion down) {
        return new Column(oldColumn, newColumn, up, down);
    }

    /** {@link #install(Connection, Dialect, String, String, List, List)} on the migration's connection. */
    public static void install(
            MigrationContext ctx, String table, String newTable, List<Column> columns, List<String> key) {
        ctx.step(
                "install table sync \"" + table + "\" <-> \"" + newTable + "\"",
                () -> install(ctx.connection(), ctx.dialect(), table, newTable, columns, key));
    }

    /** {@link #drop(Connection, Dialect, String, String)} on the migration's connection. */
    public static void drop(MigrationContext ctx, String table, String newTable) {
        ctx.step(
                "drop table sync \"" + table + "\" <-> \"" + newTable + "\"",
                () -> drop(ctx.connection(), ctx.dialect(), table, newTable));
    }

    /** {@link #withoutSync(Connection, Dialect, Runnable)} on the migration's connection. */
    public static void withoutSync(MigrationContext ctx, Runnable write) {
        withoutSync(ctx.connection(), ctx.dialect(), write);
    }

    /**
     * Installs (or replaces) the triggers on {@code table} and {@code newTable}.
     *
     * @param key the new table's primary key columns, each the new column of one of {@code columns}
     * @throws ConcertinaException CONFIGURATION for a sync that cannot work (no key, an unmapped key
     *         column, a one-way conversion, a column mapped twice); REFUSED when MariaDB/MySQL would
     *         refuse to create triggers (see {@link TriggerPreflight}); MIGRATION_FAILED when the
     *         database refuses
     */
    public static void install(
            Connection connection,
            Dialect dialect,
            String table,
            String newTable,
            List<Column> columns,
            List<String> key) {
        String what = "table sync \"" + table + "\" <-> \"" + newTable + "\"";
        validate(what, table, newTable, columns, key);
        List<TableSyncSpec.Mapping> up = new ArrayList<>();
        List<TableSyncSpec.Mapping> down = new ArrayList<>();
        for (Column c : columns) {
            up.add(new TableSyncSpec.Mapping(c.oldColumn(), c.newColumn(), c.up()));
            down.add(new TableSyncSpec.Mapping(c.newColumn(), c.oldColumn(), c.down()));
        }
        List<String> oldKey = key.stream()
                .map(k -> columns.stream()
                        .filter(c -> c.newColumn().equals(k))
                        .findFirst()
                        .orElseThrow()
                        .oldColumn())
                .toList();
        TriggerPreflight.check(connection, dialect);
        try {
            TableSyncTriggers.install(connection, dialect, new TableSyncSpec(table, newTable, up, key));
            TableSyncTriggers.install(connection, dialect, new TableSyncSpec(newTable, table, down, oldKey));
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "install " + what + ": " + SyncTriggers.oneLine(e), e);
        }
    }

    /**
     * Installs (or replaces) the triggers on {@code table} only, writing {@code newTable}: a shadow
     * table that nobody else writes (an online rebuild, which swaps the two by a rename after).
     * {@link #drop} removes them.
     */
    public static void installOneWay(
            Connection connection,
            Dialect dialect,
            String table,
            String newTable,
            List<Column> columns,
            List<String> key) {
        String what = "table sync \"" + table + "\" -> \"" + newTable + "\"";
        validate(what, table, newTable, columns, key);
        List<TableSyncSpec.Mapping> up = new ArrayList<>();
        for (Column c : columns) {
            up.add(new TableSyncSpec.Mapping(c.oldColumn(), c.newColumn(), c.up()));
        }
        TriggerPreflight.check(connection, dialect);
        try {
            TableSyncTriggers.install(connection, dialect, new TableSyncSpec(table, newTable, up, key));
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "install " + what + ": " + SyncTriggers.oneLine(e), e);
        }
    }

    /** Drops the triggers of both tables (and their functions on PostgreSQL); nothing when absent. */
    public static void drop(Connection connection, Dialect dialect, String table, String newTable) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(newTable, "newTable");
        try {
            TableSyncTriggers.drop(connection, dialect, table, newTable);
            TableSyncTriggers.drop(connection, dialect, newTable, table);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "drop table sync \"" + table + "\" <-> \"" + newTable + "\": " + SyncTriggers.oneLine(e),
                    e);
        }
    }

    /**
     * Runs {@code write} (the copy of existing rows into the new table) while the session's sync
     * triggers leave its writes alone: rows copied to the new table are not written back to the
     * old one. The flag is cleared afterwards, also when {@code write} fails.
     */
    public static void withoutSync(Connection connection, Dialect dialect, Runnable write) {
        try {
            TableSyncTriggers.quiet(connection, dialect);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "set the sync flag of the session: " + SyncTriggers.oneLine(e), e);
        }
        RuntimeException failure = null;
        try {
            write.run();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                TableSyncTriggers.loud(connection, dialect);
            } catch (SQLException e) {
                // In an aborted PostgreSQL transaction the reset fails; the rollback undoes the flag.
                if (failure == null) {
                    throw new ConcertinaException(
                            ErrorCode.MIGRATION_FAILED,
                            "clear the sync flag of the session: " + SyncTriggers.oneLine(e),
                            e);
                }
            }
        }
    }

    private static void validate(String what, String table, String newTable, List<Column> columns, List<String> key) {
        if (table.equals(newTable)) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, what + ": old and new table are the same");
        }
        if (columns.isEmpty()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, what + ": no columns to keep in step");
        }
        if (key.isEmpty()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, what + ": no key columns to match rows on");
        }
        Set<String> olds = new HashSet<>();
        Set<String> news = new HashSet<>();
        for (Column c : columns) {
            if (!olds.add(c.oldColumn()) || !news.add(c.newColumn())) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        what + ": column \"" + c.oldColumn() + "\" -> \"" + c.newColumn() + "\" is mapped twice");
            }
            if (!c.up().copies() || !c.down().copies()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        what + ": column \"" + c.oldColumn() + "\" -> \"" + c.newColumn()
                                + "\" needs a conversion both ways (old code and new code both write)");
            }
        }
        for (String k : key) {
            if (!news.contains(k)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        what + ": key column \"" + k + "\" of \"" + newTable + "\" is not one of the synced columns");
            }
        }
    }

    // Overloads for generated migrations, which hold every name as SchemaNames' jOOQ Name.

    /** {@link #column(String)} with a {@code SchemaNames} name. */
    public static Column column(org.jooq.Name name) {
        return column(name.last());
    }

    /** {@link #column(String, String, Conversion, Conversion)} with {@code SchemaNames} names. */
    public static Column column(org.jooq.Name oldColumn, org.jooq.Name newColumn, Conversion up, Conversion down) {
        return column(oldColumn.last(), newColumn.last(), up, down);
    }

    /** {@link #install(MigrationContext, String, String, List, List)} with {@code SchemaNames} names. */
    public static void install(
            MigrationContext ctx,
            org.jooq.Name table,
            org.jooq.Name newTable,
            List<Column> columns,
            org.jooq.Name... key) {
        install(
                ctx,
                table.last(),
                newTable.last(),
                columns,
                java.util.Arrays.stream(key).map(org.jooq.Name::last).toList());
    }

    /** {@link #drop(MigrationContext, String, String)} with {@code SchemaNames} names. */
    public static void drop(MigrationContext ctx, org.jooq.Name table, org.jooq.Name newTable) {
        drop(ctx, table.last(), newTable.last());
    }
}
