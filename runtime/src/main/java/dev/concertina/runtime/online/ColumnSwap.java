package dev.concertina.runtime.online;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.SchemaNames;
import dev.concertina.runtime.expand.Backfill;
import dev.concertina.runtime.expand.BackfillOptions;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.runtime.expand.SyncTriggers;
import dev.concertina.runtime.internal.MariaDbColumnDefinition;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * A column's type changed by a swap instead of a rewrite in place (docs/expand.md, "Column swap"): a
 * hidden new column of the new type is added (nullable, a catalog change), kept equal to the old one by
 * a one-way sync trigger (old → new, so old and new code go on writing the old column), filled in
 * keyset batches ({@link Backfill}), given the column's NOT NULL (PostgreSQL: through a validated
 * check) and default, and swapped in by one short atomic change: PostgreSQL drops the trigger and the
 * old column and renames the new one in one transaction; MariaDB does the same under {@code LOCK
 * TABLES … WRITE}, the drop and the rename in one {@code ALTER TABLE}; H2 in exclusive mode where the
 * user may set it. The column moves to the end of the table.
 *
 * <p>Safe to run again from the start after a failure or a crash at any point: a new column already
 * there is resumed; a new column alone (the old one dropped) is renamed; and a swap that already took
 * effect is recognised when a new column added again has the same type as the column, and dropped.
 */
final class ColumnSwap {

    private ColumnSwap() {}

    /** {@code concertina_new_<column>} in the database's case, within 63 bytes. */
    static String temporaryName(Dialect dialect, String column) {
        String name = dialect.foldUnquoted(OwnObjects.PREFIX + "new_") + column;
        while (name.getBytes(StandardCharsets.UTF_8).length > 63) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /**
     * Swaps {@code column} for a new one of {@code definition} (type, nullability, default), filled with
     * {@code up} of the old value. Inside a transaction (auto-commit off) there is no batched backfill:
     * one UPDATE, and the transaction makes the swap atomic where the database has transactional DDL.
     */
    static void swap(MigrationContext ctx, Name table, Name column, DataType<?> definition, Conversion up) {
        Dialect d = ctx.dialect();
        Name temp = DSL.quotedName(temporaryName(d, column.last()));
        String what = "swap " + ctx.dsl().render(table) + "." + ctx.dsl().render(column);
        String oldType = ColumnTypes.of(ctx, table, column);
        String tempType = ColumnTypes.of(ctx, table, temp);
        boolean live = oldType != null || tempType != null;
        if (oldType == null && tempType != null) {
            ctx.progress(what + ": the old column is gone already, renaming the new one");
            OnlineDdl.run(ctx, "rename " + ctx.dsl().render(temp), () -> rename(ctx, table, temp, column), table);
            finishNullability(ctx, table, column, definition);
            return;
        }
        if (tempType == null) {
            OnlineDdl.execute(
                    ctx,
                    ctx.dsl().alterTable(table).addColumn(temp, bare(definition).nullable(true)),
                    table);
            String added = ColumnTypes.of(ctx, table, temp);
            if (added != null && added.equals(oldType)) {
                ctx.progress(what + ": the column has the new type already (an earlier run swapped it)");
                OnlineDdl.execute(ctx, ctx.dsl().alterTable(table).dropColumn(temp), table);
                if (d != Dialect.POSTGRES) {
                    // That run may have stopped between the swap and the NOT NULL that follows it.
                    finishNullability(ctx, table, column, definition);
                }
                return;
            }
            carryComment(ctx, table, column, temp);
        } else {
            ctx.progress(what + ": resuming with the new column an earlier run added");
        }
        boolean batches = ownTransactions(ctx);
        if (live) {
            SyncTriggers.install(ctx.connection(), d, table.last(), column.last(), temp.last(), up, Conversion.none());
        } else {
            ctx.progress("-- runtime SyncTriggers: one-way sync trigger "
                    + ctx.dsl().render(column) + " -> " + ctx.dsl().render(temp) + ": "
                    + up.render(d, "NEW." + ctx.dsl().render(column)));
        }
        if (!live) {
            ctx.progress("-- runtime Backfill, in keyset batches on the primary key, each: update "
                    + ctx.dsl().render(table) + " set " + ctx.dsl().render(temp) + " = "
                    + up.render(d, ctx.dsl().render(column))
                    + " where " + ctx.dsl().render(temp) + " is null");
        } else if (batches && hasPrimaryKey(ctx, table)) {
            Backfill.run(ctx.connection(), d, table.last(), column.last(), temp.last(), up, BackfillOptions.defaults());
        } else {
            ctx.dsl()
                    .execute(DSL.query(
                            "update {0} set {1} = " + up.render(d, ctx.dsl().render(column)) + " where {1} is null",
                            table,
                            temp));
        }
        if (!definition.nullable() && d == Dialect.POSTGRES) {
            PostgresOnline.setNotNull(ctx, table, temp);
        }
        if (live) {
            ctx.progress(what + ": the new column is filled, swapping it in");
        }
        OnlineDdl.run(ctx, what, () -> atomicSwap(ctx, table, column, temp, definition, batches), table);
        if (d != Dialect.POSTGRES) {
            finishNullability(ctx, table, column, definition);
        }
    }

    /** Drops the trigger and the old column and renames the new one, as one change the application never sees half done. */
    private static void atomicSwap(
            MigrationContext ctx, Name table, Name column, Name temp, DataType<?> definition, boolean own) {
        Dialect d = ctx.dialect();
        switch (d) {
            case POSTGRES -> {
                if (!own) { // the migration's own transaction makes it atomic
                    SyncTriggers.drop(ctx.connection(), d, table.last(), column.last(), temp.last());
                    ctx.dsl().alterTable(table).dropColumn(column).execute();
                    rename(ctx, table, temp, column);
                    setDefault(ctx, table, column, definition);
                    return;
                }
                ctx.dsl().execute("begin");
                try {
                    SyncTriggers.drop(ctx.connection(), d, table.last(), column.last(), temp.last());
                    ctx.dsl().alterTable(table).dropColumn(column).execute();
                    rename(ctx, table, temp, column);
                    setDefault(ctx, table, column, definition);
                    ctx.dsl().execute("commit");
                } catch (RuntimeException e) {
                    rollback(ctx, e);
                    throw e;
                }
            }
            case MARIADB, MYSQL -> {
                // A trigger naming a dropped column fails only when it fires: dropped first, under the table lock.
                ctx.dsl().execute(DSL.query("lock tables {0} write", table));
                try {
                    SyncTriggers.drop(ctx.connection(), d, table.last(), column.last(), temp.last());
                    ctx.dsl()
                            .execute(DSL.query(
                                    "alter table {0} drop column {1}, rename column {2} to {1}", table, column, temp));
                    setDefault(ctx, table, column, definition);
                } finally {
                    ctx.dsl().execute("unlock tables");
                }
            }
            default -> {
                boolean exclusive = exclusive(ctx, true);
                try {
                    SyncTriggers.drop(ctx.connection(), d, table.last(), column.last(), temp.last());
                    ctx.dsl().alterTable(table).dropColumn(column).execute();
                    rename(ctx, table, temp, column);
                    setDefault(ctx, table, column, definition);
                } finally {
                    if (exclusive) {
                        exclusive(ctx, false);
                    }
                }
            }
        }
    }

    /**
     * The default goes on with the swap, not before: on the new column it would fill inserts before the sync
     * trigger copies the old column's value.
     */
    private static void setDefault(MigrationContext ctx, Name table, Name column, DataType<?> definition) {
        if (definition.defaulted()) {
            ctx.dsl()
                    .alterTable(table)
                    .alterColumn(column)
                    .setDefault(defaultOf(definition))
                    .execute();
        }
    }

    /**
     * The old column's comment, put on the new column before anything is copied, so that a crash at
     * any later point cannot lose it (the rename carries it).
     */
    private static void carryComment(MigrationContext ctx, Name table, Name column, Name temp) {
        String comment = ColumnTypes.commentOf(ctx, table, column);
        if (comment == null) {
            return;
        }
        if (ctx.dialect() == Dialect.MARIADB || ctx.dialect() == Dialect.MYSQL) {
            // MariaDB comments a column only by restating it: the new column as it is, with the comment.
            MariaDbColumnDefinition.read(ctx.dsl(), table, temp)
                    .map(t -> t.withComment(comment).modify(ctx.dsl(), table, temp, true, ""))
                    .ifPresent(q -> OnlineDdl.execute(ctx, q, table));
        } else {
            ctx.dsl().commentOnColumn(table.append(temp)).is(comment).execute();
        }
    }

    /** H2's exclusive mode pauses the other sessions for the three statements; it needs admin rights. */
    private static boolean exclusive(MigrationContext ctx, boolean on) {
        try {
            ctx.dsl().execute(on ? "set exclusive 1" : "set exclusive 0");
            return true;
        } catch (RuntimeException e) {
            ctx.progress("swap: exclusive mode refused (" + e.getMessage() + "); swapping without it");
            return false;
        }
    }

    private static void rollback(MigrationContext ctx, RuntimeException e) {
        try {
            ctx.dsl().execute("rollback");
        } catch (RuntimeException again) {
            e.addSuppressed(again);
        }
    }

    private static void rename(MigrationContext ctx, Name table, Name from, Name to) {
        ctx.dsl().alterTable(table).renameColumn(from).to(to).execute();
    }

    private static void finishNullability(MigrationContext ctx, Name table, Name column, DataType<?> definition) {
        if (definition.nullable()) {
            return;
        }
        if (ctx.dialect() == Dialect.MARIADB) {
            // In place, MariaDB's rebuild ends under an exclusive metadata lock that grows with the table
            // (bench/online, Run 2): the shadow table keeps writes going, as OnlineDdl.setNotNull does.
            MariaDbShadowRebuild.setNotNull(ctx, table, column, definition);
        } else {
            SchemaNames.of(ctx).changeNullability(table, column, definition);
        }
    }

    /**
     * Undoes a swap left half done, before the type changes in place instead: the trigger and the new
     * column go.
     */
    static void abandon(MigrationContext ctx, Name table, Name column) {
        Name temp = DSL.quotedName(temporaryName(ctx.dialect(), column.last()));
        if (ColumnTypes.of(ctx, table, temp) != null) {
            ctx.progress("swap of " + ctx.dsl().render(column) + ": dropping the new column an earlier run left");
            SyncTriggers.drop(ctx.connection(), ctx.dialect(), table.last(), column.last(), temp.last());
            OnlineDdl.execute(ctx, ctx.dsl().alterTable(table).dropColumn(temp), table);
        }
    }

    /** Whether statements commit one by one (PostgreSQL: the revision says; the SQL view records no auto-commit). */
    private static boolean ownTransactions(MigrationContext ctx) {
        if (ctx.dialect() == Dialect.POSTGRES) {
            return PostgresOnline.outsideTransaction(ctx);
        }
        try {
            return ctx.connection().getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> org.jooq.Field<T> defaultOf(DataType<T> type) {
        return (org.jooq.Field<T>) type.defaultValue();
    }

    /** The type alone: no nullability, no default. */
    static <T> DataType<T> bare(DataType<T> type) {
        org.jooq.Field<T> none = null;
        return type.nullability(org.jooq.Nullability.DEFAULT).defaultValue(none);
    }

    private static boolean hasPrimaryKey(MigrationContext ctx, Name table) {
        try (var rs = ctx.connection()
                .getMetaData()
                .getPrimaryKeys(ctx.connection().getCatalog(), ctx.connection().getSchema(), table.last())) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }
}
