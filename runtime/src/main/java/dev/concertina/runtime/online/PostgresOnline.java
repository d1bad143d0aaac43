package dev.concertina.runtime.online;

import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.OwnObjects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * PostgreSQL's online forms. Outside a transaction only: {@code CREATE INDEX CONCURRENTLY} refuses
 * to run in one, and inside one the weak locks of the two-step forms would be held to the commit
 * behind the strong ones taken before, so a transactional revision gets the plain forms.
 */
final class PostgresOnline {

    private PostgresOnline() {}

    /**
     * Whether the statements commit one by one: the revision is not transactional (the recording
     * connection of the SQL view and checksums says "in a transaction", so the revision decides)
     * or the connection is in auto-commit.
     */
    static boolean outsideTransaction(MigrationContext ctx) {
        try {
            if (!ctx.revision().transactional()) {
                return true;
            }
        } catch (UnsupportedOperationException e) {
            // A context of its own (a test's, a tool's) may know no revision: the connection decides.
        }
        try {
            return ctx.connection().getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    static void createIndex(
            MigrationContext ctx, Name index, Name table, boolean unique, org.jooq.OrderField<?>... keys) {
        LockRetrier retrier = new LockRetrier(ctx);
        String what = "create " + (unique ? "unique " : "") + "index "
                + ctx.dsl().render(index) + " on " + ctx.dsl().render(table);
        if (!outsideTransaction(ctx)) {
            retrier.run(
                    what,
                    () -> (unique
                                    ? ctx.dsl().createUniqueIndexIfNotExists(index)
                                    : ctx.dsl().createIndexIfNotExists(index))
                            .on(DSL.table(table), keys)
                            .execute(),
                    table);
            return;
        }
        Boolean valid = indexValid(ctx, index);
        if (Boolean.TRUE.equals(valid)) {
            ctx.progress(what + ": already built, kept");
            return;
        }
        if (Boolean.FALSE.equals(valid)) {
            ctx.progress(what + ": dropping the invalid index a failed or killed build left");
            dropInvalid(ctx, retrier, index, table);
        }
        Query create = DSL.query(
                unique
                        ? "create unique index concurrently {0} on {1} ({2})"
                        : "create index concurrently {0} on {1} ({2})",
                index,
                table,
                DSL.list(keys));
        try {
            // Its SHARE UPDATE EXCLUSIVE lock lets writes through; its waits for older transactions hold nobody up.
            retrier.runWeak(what, () -> ctx.dsl().execute(create), table);
        } catch (RuntimeException e) {
            // A failed concurrent build leaves an invalid index that would slow every write: drop it now if possible
            // (the next run does otherwise).
            try {
                if (Boolean.FALSE.equals(indexValid(ctx, index))) {
                    dropInvalid(ctx, retrier, index, table);
                }
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static void dropInvalid(MigrationContext ctx, LockRetrier retrier, Name index, Name table) {
        retrier.run(
                "drop invalid index " + ctx.dsl().render(index),
                () -> ctx.dsl().execute(DSL.query("drop index concurrently if exists {0}", index)),
                table);
    }

    /** {@code pg_index.indisvalid} of the index in the current schema; null when there is none. */
    static Boolean indexValid(MigrationContext ctx, Name index) {
        return ctx.dsl()
                .resultQuery(
                        "select i.indisvalid from pg_catalog.pg_index i where i.indexrelid = to_regclass({0})",
                        DSL.val(ctx.dsl().render(index)))
                .fetchOne(0, Boolean.class);
    }

    static void addUnique(MigrationContext ctx, Name table, Name name, Name... columns) {
        Name constraint = name != null ? name : DSL.quotedName(defaultName(table.last(), columns, "key"));
        if (!outsideTransaction(ctx)) {
            OnlineDdl.execute(
                    ctx,
                    ctx.dsl().alterTable(table).add(DSL.constraint(constraint).unique(OnlineDdl.fields(columns))),
                    table);
            return;
        }
        if (!constraintNames(ctx, table, "u", null).contains(constraint.last())) {
            createIndex(ctx, constraint, table, true, OnlineDdl.fields(columns));
            // A short ACCESS EXCLUSIVE lock: the index is already built and checked.
            new LockRetrier(ctx)
                    .run(
                            "add unique constraint " + ctx.dsl().render(constraint),
                            () -> ctx.dsl()
                                    .execute(DSL.query(
                                            "alter table {0} add constraint {1} unique using index {1}",
                                            table, constraint)),
                            table);
        }
    }

    /**
     * Adds a foreign key ({@code contype} f) or check (c) {@code NOT VALID} — a short lock, no scan —
     * then validates it under SHARE UPDATE EXCLUSIVE, which lets writes through. The constraints to
     * validate are those of the table not valid before and after the add (an unnamed one is found so).
     */
    static void addValidated(MigrationContext ctx, Name table, Constraint constraint, String contype, Name... locked) {
        if (!outsideTransaction(ctx)) {
            OnlineDdl.execute(ctx, ctx.dsl().alterTable(table).add(constraint), locked);
            return;
        }
        LockRetrier retrier = new LockRetrier(ctx);
        String name = constraint.getUnqualifiedName().last();
        List<String> validated = constraintNames(ctx, table, contype, true);
        if (name == null || name.isEmpty() || !validated.contains(name)) {
            List<String> before = constraintNames(ctx, table, contype, false);
            if (name == null || name.isEmpty() || !before.contains(name)) {
                Query add =
                        DSL.query("{0} not valid", ctx.dsl().alterTable(table).add(constraint));
                retrier.run(ctx.dsl().render(add), () -> ctx.dsl().execute(add), locked);
            }
            List<String> pending = new ArrayList<>(constraintNames(ctx, table, contype, false));
            if (name != null && !name.isEmpty()) {
                pending.retainAll(List.of(name));
                if (pending.isEmpty()) {
                    pending.add(name); // the recording connection reads no catalog: show the validation
                }
            } else {
                pending.removeAll(before);
            }
            for (String p : pending) {
                Name n = DSL.quotedName(p);
                retrier.runWeak(
                        "validate constraint " + ctx.dsl().render(n) + " of "
                                + ctx.dsl().render(table),
                        () -> ctx.dsl().execute(DSL.query("alter table {0} validate constraint {1}", table, n)),
                        locked);
            }
        }
    }

    /**
     * SET NOT NULL without its full scan under ACCESS EXCLUSIVE: PostgreSQL 12+ skips the scan when a
     * validated {@code CHECK (c IS NOT NULL)} proves it. The check has a Concertina name and goes after.
     */
    static void setNotNull(MigrationContext ctx, Name table, Name column) {
        LockRetrier retrier = new LockRetrier(ctx);
        String what =
                "set not null " + ctx.dsl().render(table) + "." + ctx.dsl().render(column);
        Query setNotNull = ctx.dsl().alterTable(table).alterColumn(column).setNotNull();
        if (!outsideTransaction(ctx)) {
            retrier.run(what, setNotNull::execute, table);
            return;
        }
        Boolean notNull = ctx.dsl()
                .resultQuery(
                        "select attnotnull from pg_catalog.pg_attribute where attrelid = to_regclass({0})"
                                + " and attname = {1} and not attisdropped",
                        DSL.val(ctx.dsl().render(table)), DSL.val(column.last()))
                .fetchOne(0, Boolean.class);
        if (Boolean.TRUE.equals(notNull)) {
            ctx.progress(what + ": already NOT NULL, kept");
            return;
        }
        Name check = DSL.quotedName(notNullCheckName(table.last(), column.last()));
        Constraint c = DSL.constraint(check).check(DSL.field(column).isNotNull());
        addValidated(ctx, table, c, "c", table);
        retrier.run(what, setNotNull::execute, table);
        retrier.run(
                "drop constraint " + ctx.dsl().render(check),
                () -> ctx.dsl().alterTable(table).dropConstraintIfExists(check).execute(),
                table);
    }

    /** {@code concertina_nn_<column>_<hash>}: unique per table and column, within 63 bytes. */
    static String notNullCheckName(String table, String column) {
        String hash = sha(table + "\u0000" + column).substring(0, 10);
        String head = OwnObjects.PREFIX + "nn_" + column;
        while (head.getBytes(StandardCharsets.UTF_8).length > 63 - 11) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "_" + hash;
    }

    /**
     * The constraints of {@code contype} on the table, by name; {@code validated} null for all,
     * else only those that are (or are not) validated.
     */
    static List<String> constraintNames(MigrationContext ctx, Name table, String contype, Boolean validated) {
        return ctx.dsl()
                .resultQuery(
                        "select conname from pg_catalog.pg_constraint where conrelid = to_regclass({0})"
                                + " and contype = {1} and ({2}::boolean is null or convalidated = {2}::boolean) order by conname",
                        DSL.val(ctx.dsl().render(table)), DSL.val(contype), DSL.val(validated, Boolean.class))
                .fetch(0, String.class);
    }

    /**
     * PostgreSQL's own name for an unnamed constraint ({@code <table>_<columns>_<label>}), its
     * parts shortened as PostgreSQL shortens them to fit 63 bytes.
     */
    static String defaultName(String table, Name[] columns, String label) {
        StringBuilder cols = new StringBuilder();
        for (Name c : columns) {
            cols.append(cols.length() == 0 ? "" : "_").append(c.last());
        }
        String t = table;
        String c = cols.toString();
        int overhead = label.length() + 2;
        while (bytes(t) + bytes(c) + overhead > 63) {
            if (bytes(t) > bytes(c)) {
                t = t.substring(0, t.length() - 1);
            } else {
                c = c.substring(0, c.length() - 1);
            }
        }
        return t + "_" + c + "_" + label;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
