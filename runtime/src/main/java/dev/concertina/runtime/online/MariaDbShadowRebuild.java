package dev.concertina.runtime.online;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.expand.BackfillOptions;
import dev.concertina.runtime.expand.RowCopy;
import dev.concertina.runtime.expand.TableSync;
import dev.concertina.runtime.expand.TriggerNames;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Changes a MariaDB table without copying it under a lock, for the changes the server cannot make
 * in place without a long lock: a check constraint (every in-place algorithm is refused for
 * {@code ADD CONSTRAINT … CHECK}) and NOT NULL (rebuilt in place, but under an exclusive metadata
 * lock at the end that grows with the table). A shadow table is created like the table, the change
 * made to it while it is empty, the table's rows checked against it, triggers keep the shadow in
 * step with the application's writes ({@link TableSync}, one way), the rows are copied in keyset
 * batches ({@link RowCopy}), and one {@code RENAME TABLE t TO old, shadow TO t} swaps them
 * atomically; the old table (with its triggers) is dropped after.
 *
 * <p>Where that cannot be done safely ({@link #refusal}) the plain {@code ALTER TABLE} copies the
 * table with writes blocked, as the planner's TABLE_REWRITE hazard says. A run killed half-way
 * leaves the shadow and its triggers, or the old table after the swap; the next run drops them and
 * starts over, or finishes the swap's clean-up.
 */
final class MariaDbShadowRebuild {

    private final MigrationContext ctx;
    private final Name table;
    private final String tableName;
    private final String shadow;
    private final String old;

    private MariaDbShadowRebuild(MigrationContext ctx, Name table) {
        this.ctx = ctx;
        this.table = table;
        this.tableName = table.last();
        this.shadow = ownName("new_", tableName);
        this.old = ownName("old_", tableName);
    }

    /** Concertina's table next to {@code table}, fitted to MariaDB's 64 characters (a hash when cut). */
    static String ownName(String role, String table) {
        return TriggerNames.fit(Dialect.MARIADB, OwnObjects.PREFIX + role + table);
    }

    /** What the rebuild makes of the table: done on the empty shadow, pre-checked on the table's rows. */
    private interface Change {
        /** {@code add check "c" on "t"}, for messages. */
        String describe();

        /** True when the table has it already (a rerun after the swap). */
        boolean done();

        /** The ALTER on the empty shadow. */
        void applyTo(Name shadow);

        /** Fails, naming how many rows would break the change, before anything is copied. */
        void precheck();

        /** The plain form, for the tables the rebuild refuses. */
        void plain();

        /** What the plain form costs, in words. */
        String plainCost();
    }

    static void addCheck(MigrationContext ctx, Name table, Constraint check) {
        addCheck(ctx, table, check, BackfillOptions.defaults());
    }

    /** With the copy's batch options (tests slow it down to write during it). */
    static void addCheck(MigrationContext ctx, Name table, Constraint check, BackfillOptions copy) {
        MariaDbShadowRebuild r = new MariaDbShadowRebuild(ctx, table);
        r.run(r.new AddCheck(check), copy.withResumable(false));
    }

    /** Makes {@code column} NOT NULL; {@code type} is its whole definition (type, default). */
    static void setNotNull(MigrationContext ctx, Name table, Name column, DataType<?> type) {
        setNotNull(ctx, table, column, type, BackfillOptions.defaults());
    }

    static void setNotNull(MigrationContext ctx, Name table, Name column, DataType<?> type, BackfillOptions copy) {
        MariaDbShadowRebuild r = new MariaDbShadowRebuild(ctx, table);
        r.run(r.new SetNotNull(column, type), copy.withResumable(false));
    }

    private final class AddCheck implements Change {
        private final Constraint check;
        private final String name;
        private List<String> existing = List.of();

        AddCheck(Constraint check) {
            this.check = check;
            this.name = check.getUnqualifiedName().last();
        }

        @Override
        public String describe() {
            return "add check " + (name == null || name.isEmpty() ? "" : show(name) + " ") + "on " + show(tableName);
        }

        @Override
        public boolean done() {
            return name != null && !name.isEmpty() && checkNames(tableName).contains(name);
        }

        @Override
        public void applyTo(Name shadow) {
            existing = checkNames(tableName);
            ctx.dsl().alterTable(shadow).add(check).execute();
        }

        /** Counts the rows the new check refuses, using the server's own text of the check on the shadow. */
        @Override
        public void precheck() {
            List<String> clauses = strings(
                    "select check_clause from information_schema.check_constraints where constraint_schema = database()"
                            + " and table_name = {0} and constraint_name not in (" + placeholders(existing.size())
                            + ")",
                    concat(shadow, existing));
            for (String clause : clauses) {
                failIfAny(DSL.not(DSL.condition(clause)), "violating (" + clause + "); the check was not added");
            }
        }

        @Override
        public void plain() {
            MariaDbOnline.alter(ctx, ctx.dsl().alterTable(table).add(check), MariaDbOnline.Algorithm.DEFAULT, table);
        }

        @Override
        public String plainCost() {
            return "copies the table with writes blocked";
        }
    }

    private final class SetNotNull implements Change {
        private final Name column;
        private final DataType<?> type;

        SetNotNull(Name column, DataType<?> type) {
            this.column = column;
            this.type = type;
        }

        @Override
        public String describe() {
            return "set not null " + show(tableName) + "." + ctx.dsl().render(column);
        }

        @Override
        public boolean done() {
            return !strings(
                            "select column_name from information_schema.columns where table_schema = database()"
                                    + " and table_name = {0} and column_name = {1} and is_nullable = 'NO'",
                            DSL.val(tableName), DSL.val(column.last()))
                    .isEmpty();
        }

        @Override
        public void applyTo(Name shadow) {
            MariaDbOnline.restate(ctx, shadow, column, type);
        }

        @Override
        public void precheck() {
            failIfAny(
                    DSL.field(column).isNull(), "with NULL in " + ctx.dsl().render(column) + "; NOT NULL was not set");
        }

        @Override
        public void plain() {
            MariaDbOnline.restate(ctx, table, column, type);
        }

        @Override
        public String plainCost() {
            return "rebuilds the table in place, under an exclusive lock at the end";
        }
    }

    private void run(Change change, BackfillOptions copy) {
        if (recording()) {
            // The SQL view and the runner's checksum read no catalog: show the rebuild's statements.
            ctx.dsl().execute(DSL.query("create table {0} like {1}", q(shadow), table));
            change.applyTo(q(shadow));
            ctx.progress("-- runtime: rows of " + show(tableName) + " that break the change are counted, triggers keep "
                    + show(shadow) + " in step, rows copied in keyset batches (a table with foreign keys, triggers of"
                    + " its own or no primary key: the plain ALTER TABLE instead, a copy with writes blocked)");
            ctx.dsl().execute(DSL.query("rename table {0} to {1}, {2} to {0}", table, q(old), q(shadow)));
            ctx.dsl().dropTableIfExists(q(old)).execute();
            return;
        }
        if (change.done()) {
            dropIfExists(old, "the old table of an earlier rebuild");
            ctx.progress(change.describe() + ": already there, kept");
            return;
        }
        clearLeftovers();
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            ctx.progress(change.describe() + ": " + change.plainCost() + " (" + refusal.get() + ")");
            change.plain();
            return;
        }
        List<String> columns = columns();
        List<String> key = primaryKey();
        retrying(
                "create table " + show(shadow) + " like " + show(tableName),
                () -> ctx.dsl().execute(DSL.query("create table {0} like {1}", q(shadow), table)));
        // Empty, so even an ALTER the server does by copying is instant.
        change.applyTo(q(shadow));
        change.precheck();
        ctx.dsl()
                .execute(DSL.query(
                        "alter table {0} auto_increment = {1}", q(shadow), DSL.inline(autoIncrement(tableName))));
        List<TableSync.Column> synced = columns.stream().map(TableSync::column).toList();
        retrying(
                "install table sync " + show(tableName) + " -> " + show(shadow),
                () -> TableSync.installOneWay(ctx.connection(), ctx.dialect(), tableName, shadow, synced, key));
        // Not resumable: a rerun drops the shadow and starts over, so a saved position would skip rows.
        RowCopy.copy(ctx, tableName, shadow, columns, key, copy);
        // Rows deleted at the top of the key range while the copy ran must not get their ids again.
        ctx.dsl()
                .execute(DSL.query(
                        "alter table {0} auto_increment = {1}", q(shadow), DSL.inline(autoIncrement(tableName))));
        retrying(
                "rename table " + show(tableName) + " to " + show(old) + ", " + show(shadow) + " to " + show(tableName),
                () -> ctx.dsl().execute(DSL.query("rename table {0} to {1}, {2} to {0}", table, q(old), q(shadow))));
        // The old table's triggers go with it; they wrote the shadow's old name, which no longer exists.
        dropIfExists(old, "the table before the change");
    }

    /** Fails when rows of the table meet {@code broken}, naming how many; the shadow is dropped first. */
    private void failIfAny(org.jooq.Condition broken, String what) {
        Integer counted =
                ctx.dsl().select(DSL.count()).from(table).where(broken).fetchOne(0, Integer.class);
        int rows = counted == null ? 0 : counted;
        if (rows > 0) {
            dropIfExists(shadow, "the shadow table");
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    show(tableName) + " has " + rows + " row(s) " + what
                            + ": fix those rows, then run the migration again");
        }
    }

    /** A recording connection answers no query; a server always answers this one. */
    private boolean recording() {
        return ctx.dsl().resultQuery("select 1").fetch().isEmpty();
    }

    /**
     * Why the shadow rebuild would not give the same table, or not safely; empty when it can run.
     * Foreign keys follow a renamed table and {@code CREATE TABLE … LIKE} copies none; the table's
     * own triggers would stay on the old table; the copy needs a primary key to batch on; batches
     * commit one by one, so not inside a transaction.
     */
    private Optional<String> refusal() {
        if (ctx.dialect() != Dialect.MARIADB) {
            return Optional.of("the shadow-table rebuild is tested on MariaDB only");
        }
        try {
            if (!ctx.connection().getAutoCommit()) {
                return Optional.of("inside a transaction, where the batched copy cannot commit");
            }
        } catch (SQLException e) {
            return Optional.of("the connection's state cannot be read");
        }
        if (primaryKey().isEmpty()) {
            return Optional.of("no primary key to copy the rows in batches on");
        }
        List<String> fks = strings(
                "select constraint_name from information_schema.referential_constraints where constraint_schema = database()"
                        + " and (table_name = {0} or referenced_table_name = {0}) order by constraint_name",
                tableName);
        if (!fks.isEmpty()) {
            return Optional.of("foreign keys " + fks + " would not follow the swapped table");
        }
        String ins = TriggerNames.tableSync(Dialect.MARIADB, tableName, shadow, "ins");
        String upd = TriggerNames.tableSync(Dialect.MARIADB, tableName, shadow, "upd");
        String del = TriggerNames.tableSync(Dialect.MARIADB, tableName, shadow, "del");
        List<String> triggers = strings(
                        "select trigger_name from information_schema.triggers where trigger_schema = database()"
                                + " and event_object_table = {0} order by trigger_name",
                        tableName)
                .stream()
                .filter(t -> !List.of(ins, upd, del).contains(t))
                .toList();
        if (!triggers.isEmpty()) {
            return Optional.of("its triggers " + triggers + " would stay on the old table");
        }
        return Optional.empty();
    }

    /** A shadow (and its triggers) left by a run that was killed before the swap: dropped, the rebuild starts over. */
    private void clearLeftovers() {
        if (tableExists(shadow)) {
            retrying(
                    "drop table sync " + show(tableName) + " -> " + show(shadow),
                    () -> TableSync.drop(ctx.connection(), ctx.dialect(), tableName, shadow));
            dropIfExists(shadow, "a shadow table left by an earlier run");
        }
        // After a swap whose check was not named (so not found above), the old table may remain.
        dropIfExists(old, "the old table of an earlier rebuild");
    }

    private static String placeholders(int n) {
        if (n == 0) {
            return "''";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append('{').append(i + 1).append('}');
        }
        return s.toString();
    }

    private static Object[] concat(String first, List<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(DSL.val(first));
        rest.forEach(r -> all.add(DSL.val(r)));
        return all.toArray();
    }

    private List<String> columns() {
        // Generated columns are computed by the shadow itself.
        return strings(
                "select column_name from information_schema.columns where table_schema = database() and table_name = {0}"
                        + " and is_generated = 'NEVER' order by ordinal_position",
                tableName);
    }

    private List<String> primaryKey() {
        return strings(
                "select column_name from information_schema.key_column_usage where table_schema = database()"
                        + " and table_name = {0} and constraint_name = 'PRIMARY' order by ordinal_position",
                tableName);
    }

    private List<String> checkNames(String t) {
        return strings(
                "select constraint_name from information_schema.check_constraints where constraint_schema = database()"
                        + " and table_name = {0}",
                t);
    }

    private long autoIncrement(String t) {
        Long next = ctx.dsl()
                .resultQuery(
                        "select auto_increment from information_schema.tables where table_schema = database() and table_name = {0}",
                        DSL.val(t))
                .fetchOne(0, Long.class);
        return next == null ? 1 : next;
    }

    private boolean tableExists(String t) {
        return !strings(
                        "select table_name from information_schema.tables where table_schema = database() and table_name = {0}",
                        t)
                .isEmpty();
    }

    private void dropIfExists(String t, String what) {
        if (tableExists(t)) {
            retrying(
                    "drop table " + show(t) + " (" + what + ")",
                    () -> ctx.dsl().dropTableIfExists(q(t)).execute());
            ctx.progress("dropped " + show(t) + ", " + what);
        }
    }

    private List<String> strings(String sql, Object... values) {
        Object[] bound = values.length == 1 && !(values[0] instanceof org.jooq.QueryPart)
                ? new Object[] {DSL.val(values[0])}
                : values;
        return ctx.dsl().resultQuery(sql, bound).fetch(0, String.class);
    }

    private void retrying(String what, Runnable work) {
        new LockRetrier(ctx).run(what, work::run, table);
    }

    private static Name q(String name) {
        return DSL.quotedName(name);
    }

    private String show(String name) {
        return ctx.dsl().render(q(name));
    }
}
