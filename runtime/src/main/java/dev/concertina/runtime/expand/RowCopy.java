package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;

/**
 * Copies the rows of a table into its replacement (a renamed table, issue 14) in keyset batches on
 * the old table's primary key, each its own short transaction, as a {@link Backfill} fills a
 * column: {@code INSERT INTO new (…) SELECT … FROM old WHERE NOT EXISTS (the row in new) AND key
 * in (last, upper]} (on PostgreSQL {@code … WHERE key in (last, upper] ON CONFLICT (key) DO NOTHING}, which
 * probes the new table's key per row). Rows already in the new table (copied by the table sync's triggers, written by
 * new code, or by an earlier run) are left alone, so a rerun after a crash goes on where it
 * stopped; the sync triggers ignore the copy's own writes. Run it after {@link TableSync#install}:
 * rows written later reach the new table through the triggers. A generated column of the new table is
 * not written (it computes itself); a key into an identity GENERATED ALWAYS column is given with
 * {@code OVERRIDING SYSTEM VALUE}.
 */
public final class RowCopy {

    private RowCopy() {}

    /**
     * {@link #run(Connection, Dialect, String, String, List, List, List, List, BackfillOptions)} on the
     * migration's connection, as one step of the migration; the revision must be
     * {@code @Revision(transactional = false)} on PostgreSQL (batches commit one by one).
     */
    public static BackfillResult run(
            MigrationContext ctx,
            String table,
            String newTable,
            List<String> newColumns,
            List<Field<?>> values,
            List<String> oldKey,
            List<String> newKey,
            BackfillOptions options) {
        BackfillResult[] result = {BackfillResult.skipped(table, newTable)};
        ctx.step(
                "copy rows \"" + table + "\" -> \"" + newTable + "\"",
                () -> result[0] = run(
                        ctx.connection(),
                        ctx.dialect(),
                        table,
                        newTable,
                        newColumns,
                        values,
                        oldKey,
                        newKey,
                        Backfill.reporting(ctx, options)));
        return result[0];
    }

    /**
     * {@link #run(MigrationContext, String, String, List, List, List, List, BackfillOptions)} with
     * {@code SchemaNames} names, as generated migrations hold them.
     */
    public static BackfillResult run(
            MigrationContext ctx,
            org.jooq.Name table,
            org.jooq.Name newTable,
            List<org.jooq.Name> newColumns,
            List<Field<?>> values,
            List<org.jooq.Name> oldKey,
            List<org.jooq.Name> newKey,
            BackfillOptions options) {
        return run(
                ctx,
                table.last(),
                newTable.last(),
                newColumns.stream().map(org.jooq.Name::last).toList(),
                values,
                oldKey.stream().map(org.jooq.Name::last).toList(),
                newKey.stream().map(org.jooq.Name::last).toList(),
                options);
    }

    /**
     * Copies every column of {@code columns} unchanged from {@code table} into {@code newTable}
     * (matched on {@code key}, the same in both), inside the caller's step: an online rebuild's
     * shadow table, progress reported to {@link MigrationContext#progress}.
     */
    public static BackfillResult copy(
            MigrationContext ctx,
            String table,
            String newTable,
            List<String> columns,
            List<String> key,
            BackfillOptions options) {
        List<Field<?>> values = new ArrayList<>();
        columns.forEach(c -> values.add(org.jooq.impl.DSL.field(org.jooq.impl.DSL.quotedName(c))));
        return run(
                ctx.connection(),
                ctx.dialect(),
                table,
                newTable,
                columns,
                values,
                key,
                key,
                Backfill.reporting(ctx, options));
    }

    /**
     * Inserts into {@code newTable}'s {@code newColumns} the {@code values} (jOOQ expressions over
     * the old table's columns) of every row of {@code table} whose key ({@code oldKey}, matched to
     * {@code newKey}) is not in {@code newTable} yet.
     */
    public static BackfillResult run(
            Connection connection,
            Dialect dialect,
            String table,
            String newTable,
            List<String> newColumns,
            List<Field<?>> values,
            List<String> oldKey,
            List<String> newKey,
            BackfillOptions options) {
        String what = "copy rows \"" + table + "\" -> \"" + newTable + "\"";
        if (newColumns.size() != values.size()
                || newColumns.isEmpty()
                || oldKey.size() != newKey.size()
                || oldKey.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    what + ": " + newColumns.size() + " columns for " + values.size() + " values, " + oldKey.size()
                            + " old key columns for " + newKey.size() + " new ones");
        }
        TableColumns target;
        try {
            target = TableColumns.read(connection, dialect, newTable);
        } catch (java.sql.SQLException e) {
            throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, what + ": " + SyncTriggers.oneLine(e), e);
        }
        SqlText sql = new SqlText(dialect);
        List<String> columns = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < newColumns.size(); i++) {
            String c = newColumns.get(i);
            if (!target.has(c)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, what + ": column \"" + newTable + "\".\"" + c + "\" does not exist");
            }
            if (target.generated().contains(c)) {
                // A generated column takes no value: the new table computes it from the copied ones.
                if (newKey.contains(c)) {
                    throw new ConcertinaException(
                            ErrorCode.CONFIGURATION,
                            what + ": key column \"" + newTable + "\".\"" + c + "\" is a generated column");
                }
                continue;
            }
            written.add(c);
            columns.add(sql.name(c));
            rendered.add(Backfill.render(dialect, values.get(i)));
        }
        String alias = sql.name("concertina_new");
        List<String> match = new ArrayList<>();
        for (int i = 0; i < oldKey.size(); i++) {
            match.add(alias + "." + sql.name(newKey.get(i)) + " = " + sql.name(table) + "." + sql.name(oldKey.get(i)));
        }
        // The key is copied as given, also into an identity GENERATED ALWAYS column (PostgreSQL, H2).
        String overriding = target.overrides(written) ? " OVERRIDING SYSTEM VALUE" : "";
        String head = "INSERT INTO " + sql.name(newTable) + " (" + String.join(", ", columns) + ")" + overriding
                + " SELECT "
                + String.join(", ", rendered) + " FROM " + sql.name(table) + " WHERE ";
        if (dialect == Dialect.POSTGRES) {
            // Not NOT EXISTS: PostgreSQL plans that as a hash anti join that reads the whole new table in
            // every batch while its statistics lag behind the copy (quadratic; bench/online, "renametable").
            List<String> conflict = new ArrayList<>();
            newKey.forEach(k -> conflict.add(sql.name(k)));
            String tail = " ON CONFLICT (" + String.join(", ", conflict) + ") DO NOTHING";
            return new Backfill.Run(connection, dialect, table, newTable, head + "TRUE", tail, options, what).execute();
        }
        String insert = head + "NOT EXISTS (SELECT 1 FROM " + sql.name(newTable) + " AS " + alias + " WHERE "
                + String.join(" AND ", match) + ")";
        return new Backfill.Run(connection, dialect, table, newTable, insert, options, what).execute();
    }
}
