package dev.concertina.runtime.online;

import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.SchemaNames;
import java.util.Objects;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.Query;

/**
 * Schema changes that keep the application's writes going, called by generated migrations
 * (docs/expand.md, "Online DDL"). Every statement runs under a short lock wait and is retried
 * with growing pauses ({@link LockRetry}, from {@link MigrationContext#lockRetry()}), so a
 * statement stuck behind a long transaction never holds the application's queries up for long,
 * and fails naming that transaction when patience runs out.
 *
 * <p>Per database:
 * <ul>
 *   <li>PostgreSQL, outside a transaction (a revision with {@code transactional = false}):
 *       indexes are built {@code CONCURRENTLY} (an invalid index left by a failed or killed build is
 *       dropped first); unique constraints are attached {@code USING INDEX} to such an index;
 *       foreign keys and checks are added {@code NOT VALID} and then validated under a SHARE UPDATE
 *       EXCLUSIVE lock; {@code SET NOT NULL} goes through a validated {@code CHECK (c IS NOT NULL)}.
 *       Inside a transaction, where none of that can run, the plain forms.</li>
 *   <li>MariaDB/MySQL: {@code ALGORITHM=INSTANT}, else {@code ALGORITHM=INPLACE, LOCK=NONE}, else
 *       the server's own choice (a table copy) when it refuses both; a check on MariaDB goes through a
 *       shadow table swapped in by a rename; foreign keys are added in place
 *       with the checks of the session off, after the planner's pre-check, and checked again after.</li>
 *   <li>H2: the plain forms.</li>
 * </ul>
 * Each compound operation may run again after a failure or a crash (what is already there is kept)
 * and is one {@link MigrationContext#step} of the revision; a single statement ({@link #execute}) is a
 * step of its own for the runner.
 */
public final class OnlineDdl {

    private OnlineDdl() {}

    /**
     * Sets the session's lock wait for the statements of the revision that run without
     * {@code OnlineDdl}: the whole patience, so none of them waits in a lock queue without end; each
     * {@code OnlineDdl} statement waits the short lock timeout instead, retries, and sets this back.
     * Generated revisions call it first.
     */
    public static void lockTimeout(MigrationContext ctx) {
        new LockRetrier(ctx).setLockTimeout(ctx.lockRetry().patience(), true);
    }

    /**
     * Runs one DDL statement with the lock wait and retries; on MariaDB/MySQL an {@code ALTER TABLE}
     * asks for {@code ALGORITHM=INSTANT}, then {@code INPLACE, LOCK=NONE}.
     *
     * @param tables the tables it locks, named when it gives up
     */
    public static void execute(MigrationContext ctx, Query ddl, Name... tables) {
        Objects.requireNonNull(ddl, "ddl");
        switch (ctx.dialect()) {
            case MARIADB, MYSQL -> MariaDbOnline.alter(ctx, ddl, MariaDbOnline.Algorithm.INSTANT, tables);
            default -> new LockRetrier(ctx).run(ctx.dsl().render(ddl), ddl::execute, tables);
        }
    }

    /**
     * Runs {@code work}, a step that may run again from its start (a runtime helper that replaces
     * what it creates, a {@link SchemaNames} column change), with the lock wait and retries.
     */
    public static void run(MigrationContext ctx, String what, Runnable work, Name... tables) {
        new LockRetrier(ctx).run(what, work::run, tables);
    }

    /**
     * True while this thread runs a statement under these lock rules already, so the migration's
     * connection does not retry it a second time around (runtime.internal.PatientDdl).
     */
    public static boolean retrying() {
        return LockRetrier.active();
    }

    /** Creates an index (PostgreSQL: concurrently; MariaDB: in place without a lock; kept when it exists). */
    public static void createIndex(MigrationContext ctx, Name index, Name table, boolean unique, Name... columns) {
        createIndex(ctx, index, table, unique, fields(columns));
    }

    /** {@link #createIndex(MigrationContext, Name, Name, boolean, Name...)} with keys in order, each ascending or {@code .desc()}. */
    public static void createIndex(
            MigrationContext ctx, Name index, Name table, boolean unique, org.jooq.OrderField<?>... keys) {
        ctx.step(
                "create index " + ctx.dsl().render(index) + " on " + ctx.dsl().render(table),
                () -> createIndexStep(ctx, index, table, unique, keys));
    }

    private static void createIndexStep(
            MigrationContext ctx, Name index, Name table, boolean unique, org.jooq.OrderField<?>... keys) {
        switch (ctx.dialect()) {
            case POSTGRES -> PostgresOnline.createIndex(ctx, index, table, unique, keys);
            case MARIADB, MYSQL -> MariaDbOnline.createIndex(ctx, index, table, unique, keys);
            default ->
                new LockRetrier(ctx)
                        .run(
                                "create index " + ctx.dsl().render(index),
                                () -> (unique
                                                ? ctx.dsl().createUniqueIndexIfNotExists(index)
                                                : ctx.dsl().createIndexIfNotExists(index))
                                        .on(org.jooq.impl.DSL.table(table), keys)
                                        .execute(),
                                table);
        }
    }

    /** Drops an index (PostgreSQL: concurrently, outside a transaction; gone already is fine). */
    public static void dropIndex(MigrationContext ctx, Name index, Name table) {
        ctx.step("drop index " + ctx.dsl().render(index), () -> dropIndexStep(ctx, index, table));
    }

    private static void dropIndexStep(MigrationContext ctx, Name index, Name table) {
        if (ctx.dialect() == dev.concertina.runtime.Dialect.POSTGRES && PostgresOnline.outsideTransaction(ctx)) {
            // SHARE UPDATE EXCLUSIVE: writes go on while it waits for the queries using the index.
            new LockRetrier(ctx)
                    .runWeak(
                            "drop index " + ctx.dsl().render(index),
                            () -> ctx.dsl()
                                    .execute(org.jooq.impl.DSL.query("drop index concurrently if exists {0}", index)),
                            table);
        } else {
            execute(ctx, ctx.dsl().dropIndexIfExists(index).on(table), table);
        }
    }

    /**
     * Adds a unique constraint; {@code name} null for one the database names. PostgreSQL builds its
     * unique index concurrently and attaches it with {@code ADD CONSTRAINT … UNIQUE USING INDEX}.
     */
    public static void addUnique(MigrationContext ctx, Name table, Name name, Name... columns) {
        switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.step(
                        "add unique " + describe(ctx, table, name, columns),
                        () -> PostgresOnline.addUnique(ctx, table, name, columns));
            case MARIADB, MYSQL ->
                ctx.step(
                        "add unique " + describe(ctx, table, name, columns),
                        () -> MariaDbOnline.addUnique(ctx, table, unique(name, columns), name, columns));
            default -> execute(ctx, ctx.dsl().alterTable(table).add(unique(name, columns)), table);
        }
    }

    private static String describe(MigrationContext ctx, Name table, Name name, Name... columns) {
        return (name == null ? "" : ctx.dsl().render(name) + " ") + "on "
                + ctx.dsl().render(table) + " "
                + java.util.Arrays.stream(columns).map(c -> ctx.dsl().render(c)).toList();
    }

    /**
     * Adds a foreign key of {@code table} over {@code columns} to {@code referencedTable}
     * ({@code referencedColumns}); {@code fk} is the whole constraint. PostgreSQL: {@code NOT VALID},
     * then {@code VALIDATE CONSTRAINT}. MariaDB/MySQL: in place with the session's key checks off,
     * then the rows are checked.
     */
    public static void addForeignKey(
            MigrationContext ctx,
            Name table,
            Constraint fk,
            Name[] columns,
            Name referencedTable,
            Name[] referencedColumns) {
        switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.step(
                        "add foreign key " + describe(ctx, table, null, columns),
                        () -> PostgresOnline.addValidated(ctx, table, fk, "f", table, referencedTable));
            case MARIADB, MYSQL ->
                ctx.step(
                        "add foreign key " + describe(ctx, table, null, columns),
                        () -> MariaDbOnline.addForeignKey(ctx, table, fk, columns, referencedTable, referencedColumns));
            default -> execute(ctx, ctx.dsl().alterTable(table).add(fk), table, referencedTable);
        }
    }

    /**
     * Adds a check constraint. PostgreSQL: {@code NOT VALID}, then {@code VALIDATE CONSTRAINT}.
     * MariaDB: a shadow table with the check, filled in batches while triggers keep it in step, then
     * swapped in by one {@code RENAME TABLE} ({@link MariaDbShadowRebuild}); the plain table copy where
     * that cannot be done safely.
     */
    public static void addCheck(MigrationContext ctx, Name table, Constraint check) {
        switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.step(
                        "add check " + ctx.dsl().render(check) + " on "
                                + ctx.dsl().render(table),
                        () -> PostgresOnline.addValidated(ctx, table, check, "c", table));
            // MariaDB adds a check only by copying the table: a shadow table is copied instead, while writes go
            // on, and swapped in by a rename (MariaDbShadowRebuild); MySQL, and tables it cannot handle, copy.
            case MARIADB, MYSQL ->
                ctx.step(
                        "add check " + ctx.dsl().render(check) + " on "
                                + ctx.dsl().render(table),
                        () -> MariaDbShadowRebuild.addCheck(ctx, table, check));
            default -> execute(ctx, ctx.dsl().alterTable(table).add(check), table);
        }
    }

    /**
     * Makes a column NOT NULL; {@code type} is its whole definition (type, default), as for
     * {@link SchemaNames#changeNullability}. PostgreSQL 12+: a {@code CHECK (c IS NOT NULL)} added
     * {@code NOT VALID} and validated under the weak lock lets {@code SET NOT NULL} skip its scan;
     * the check is dropped after. MariaDB: through a shadow table swapped in by one rename
     * ({@link MariaDbShadowRebuild}: the in-place rebuild ends under an exclusive metadata lock that
     * grows with the table); MySQL: in place without a lock.
     */
    public static void setNotNull(MigrationContext ctx, Name table, Name column, DataType<?> type) {
        switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.step(
                        "set not null " + ctx.dsl().render(table) + "."
                                + ctx.dsl().render(column),
                        () -> PostgresOnline.setNotNull(ctx, table, column));
            case MARIADB ->
                ctx.step(
                        "set not null " + ctx.dsl().render(table) + "."
                                + ctx.dsl().render(column),
                        () -> MariaDbShadowRebuild.setNotNull(ctx, table, column, type));
            case MYSQL ->
                ctx.step(
                        "set not null " + ctx.dsl().render(table) + "."
                                + ctx.dsl().render(column),
                        () -> MariaDbOnline.restate(ctx, table, column, type));
            default ->
                run(
                        ctx,
                        "set not null " + ctx.dsl().render(column),
                        () -> SchemaNames.of(ctx).changeNullability(table, column, type),
                        table);
        }
    }

    /**
     * Changes the type of a column whose change rewrites or scans the table on PostgreSQL;
     * {@code definition} is the column's whole definition (type, nullability, default). PostgreSQL
     * outside a transaction, and MariaDB: a column swap ({@link ColumnSwap}: a new column kept equal by
     * a trigger, filled in batches, swapped in atomically; the column moves to the end), unless
     * something hangs on the column ({@link SwapBlockers}: an index, a constraint, identity, a
     * comment…), when the type changes in place and the progress says why. Elsewhere (MySQL, H2, inside
     * a transaction) in place ({@link SchemaNames#changeType}).
     */
    public static void changeType(MigrationContext ctx, Name table, Name column, DataType<?> definition) {
        boolean swaps = switch (ctx.dialect()) {
            case POSTGRES -> PostgresOnline.outsideTransaction(ctx);
            case MARIADB -> autoCommit(ctx);
            default -> false;
        };
        if (!swaps) {
            SchemaNames.of(ctx).changeType(table, column, definition);
            return;
        }
        String what = "change type of " + ctx.dsl().render(table) + "."
                + ctx.dsl().render(column) + " to " + definition.getCastTypeName();
        ctx.step(what, () -> {
            java.util.Optional<String> blocker = SwapBlockers.describe(ctx, table, column);
            if (blocker.isEmpty()) {
                // PostgreSQL's ALTER TYPE without USING converts by the assignment cast: so does the copy.
                ColumnSwap.swap(ctx, table, column, definition, dev.concertina.runtime.expand.Conversion.identity());
                return;
            }
            ctx.progress(what + ": in place ("
                    + (ctx.dialect() == dev.concertina.runtime.Dialect.POSTGRES
                            ? "a rewrite under ACCESS EXCLUSIVE"
                            : "the server's algorithm, a copy for most type changes")
                    + "), no column swap: " + blocker.get());
            ColumnSwap.abandon(ctx, table, column);
            run(ctx, what, () -> SchemaNames.of(ctx).changeType(table, column, definition), table);
        });
    }

    /**
     * Changes a column's type in place where PostgreSQL only changes its catalog (a binary-coercible
     * type that loosens a limit: the planner's {@code TypeChange.rewritesOn}); the statement carries a
     * comment saying so and squawk's directive to ignore its {@code changing-column-type} rule there.
     * Elsewhere, {@link SchemaNames#changeType}.
     */
    public static void changeTypeInCatalog(MigrationContext ctx, Name table, Name column, DataType<?> definition) {
        if (ctx.dialect() != dev.concertina.runtime.Dialect.POSTGRES) {
            SchemaNames.of(ctx).changeType(table, column, definition);
            return;
        }
        org.jooq.Query alter = ctx.dsl().alterTable(table).alterColumn(column).set(ColumnSwap.bare(definition));
        execute(
                ctx,
                ctx.dsl()
                        .query(
                                "-- binary-coercible on PostgreSQL: a catalog change, no rewrite and no scan\n"
                                        + "-- squawk-ignore changing-column-type\n{0}",
                                alter),
                table);
    }

    /**
     * Converts a column to another type through {@code up} (a hinted conversion of the old value): a column
     * swap on every database ({@link ColumnSwap}), so no row written while it runs is lost and the column
     * is never missing. {@code definition} is the column's whole definition.
     */
    public static void convertColumn(
            MigrationContext ctx,
            Name table,
            Name column,
            DataType<?> definition,
            dev.concertina.runtime.expand.Conversion up) {
        ctx.step(
                "convert column " + ctx.dsl().render(table) + "." + ctx.dsl().render(column) + " to "
                        + definition.getCastTypeName(),
                () -> ColumnSwap.swap(ctx, table, column, definition, up));
    }

    private static boolean autoCommit(MigrationContext ctx) {
        try {
            return ctx.connection().getAutoCommit();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    static org.jooq.Field<?>[] fields(Name... columns) {
        return java.util.Arrays.stream(columns).map(org.jooq.impl.DSL::field).toArray(org.jooq.Field[]::new);
    }

    private static Constraint unique(Name name, Name... columns) {
        return name == null
                ? org.jooq.impl.DSL.unique(fields(columns))
                : org.jooq.impl.DSL.constraint(name).unique(fields(columns));
    }
}
