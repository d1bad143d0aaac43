package dev.concertina.runtime.online;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.internal.MariaDbColumnDefinition;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Nullability;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * MariaDB/MySQL's online forms: each {@code ALTER TABLE} asks for the lightest algorithm first and
 * steps down when the server refuses it (errors 1845/1846, "ALGORITHM=… is not supported"), down
 * to the server's own choice, a table copy, which the planner announces as a TABLE_REWRITE hazard.
 */
final class MariaDbOnline {

    /** The algorithms asked for, lightest first. */
    enum Algorithm {
        /** Metadata only. */
        INSTANT(", algorithm=instant"),
        /** Rebuilt or indexed in place while writes go on. */
        INPLACE(", algorithm=inplace, lock=none"),
        /** Whatever the server picks (a copy, writes blocked). */
        DEFAULT("");

        final String clause;

        Algorithm(String clause) {
            this.clause = clause;
        }
    }

    private MariaDbOnline() {}

    /** Runs an ALTER TABLE with the lightest algorithm the server accepts, from {@code first} down. */
    static void alter(MigrationContext ctx, Query alter, Algorithm first, Name... tables) {
        LockRetrier retrier = new LockRetrier(ctx);
        String sql = ctx.dsl().render(alter);
        if (!sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("alter table")) {
            retrier.run(sql, alter::execute, tables);
            return;
        }
        for (Algorithm a : Algorithm.values()) {
            if (a.ordinal() < first.ordinal()) {
                continue;
            }
            Query q = a == Algorithm.DEFAULT ? alter : DSL.query("{0}" + a.clause, alter);
            try {
                retrier.run(sql, () -> ctx.dsl().execute(q), tables);
                return;
            } catch (RuntimeException e) {
                if (a == Algorithm.DEFAULT || !refused(e)) {
                    throw e;
                }
            }
        }
    }

    /** The server does not support the algorithm asked for this change. */
    static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 1845 || s.getErrorCode() == 1846)) {
                return true;
            }
        }
        return false;
    }

    static void createIndex(
            MigrationContext ctx, Name index, Name table, boolean unique, org.jooq.OrderField<?>... keys) {
        if (indexExists(ctx, table, index)) {
            ctx.progress("create index " + ctx.dsl().render(index) + ": already built, kept");
            return;
        }
        Query add = DSL.query(
                unique ? "alter table {0} add unique index {1} ({2})" : "alter table {0} add index {1} ({2})",
                table,
                index,
                DSL.list(keys));
        alter(ctx, add, Algorithm.INPLACE, table);
    }

    /** A unique constraint in place, kept when an index of its name is there already (a run again). */
    static void addUnique(MigrationContext ctx, Name table, Constraint unique, Name name, Name... columns) {
        if (name != null && indexExists(ctx, table, name)) {
            ctx.progress("add unique " + ctx.dsl().render(name) + ": already there, kept");
            return;
        }
        alter(ctx, ctx.dsl().alterTable(table).add(unique), Algorithm.INPLACE, table);
    }

    private static boolean constraintExists(MigrationContext ctx, Name table, String name) {
        return !ctx.dsl()
                .resultQuery(
                        "select 1 from information_schema.table_constraints where constraint_schema = database()"
                                + " and table_name = {0} and constraint_name = {1}",
                        DSL.val(table.last()), DSL.val(name))
                .fetch()
                .isEmpty();
    }

    private static boolean indexExists(MigrationContext ctx, Name table, Name index) {
        return !ctx.dsl()
                .resultQuery(
                        "select 1 from information_schema.statistics where table_schema = database()"
                                + " and table_name = {0} and index_name = {1}",
                        DSL.val(table.last()), DSL.val(index.last()))
                .fetch()
                .isEmpty();
    }

    /**
     * Adds a foreign key in place: InnoDB copies the table to add one unless the session's
     * {@code foreign_key_checks} is off, which also skips checking the rows there. The planner's
     * pre-check looked at them before; rows written since are checked after, and any that break
     * the key fail the step (the key stays, as PostgreSQL's NOT VALID one would).
     */
    static void addForeignKey(
            MigrationContext ctx,
            Name table,
            Constraint fk,
            Name[] columns,
            Name referenced,
            Name[] referencedColumns) {
        String name = fk.getUnqualifiedName().last();
        if (name != null && !name.isEmpty() && constraintExists(ctx, table, name)) {
            ctx.progress("add foreign key " + ctx.dsl().render(DSL.quotedName(name)) + ": already there, kept");
            return;
        }
        ctx.dsl().execute("set foreign_key_checks = 0");
        try {
            alter(ctx, ctx.dsl().alterTable(table).add(fk), Algorithm.INPLACE, table, referenced);
        } finally {
            ctx.dsl().execute("set foreign_key_checks = 1");
        }
        Name alias = DSL.quotedName("concertina_ref");
        Condition match = DSL.noCondition();
        Condition set = DSL.noCondition();
        for (int i = 0; i < columns.length; i++) {
            match = match.and(
                    DSL.field(DSL.name(alias, referencedColumns[i])).eq(DSL.field(DSL.name(table, columns[i]))));
            set = set.and(DSL.field(DSL.name(table, columns[i])).isNotNull());
        }
        // Read as rows, not fetchCount: a recording connection (the SQL view) answers with none.
        Integer counted = ctx.dsl()
                .select(DSL.count())
                .from(DSL.table(table))
                .where(set.and(DSL.notExists(
                        DSL.selectOne().from(DSL.table(referenced).as(alias)).where(match))))
                .fetchOne(0, Integer.class);
        int orphans = counted == null ? 0 : counted;
        if (orphans > 0) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "foreign key on " + ctx.dsl().render(table) + " "
                            + List.of(columns).stream().map(Name::last).toList() + ": " + orphans
                            + " row(s) written during the change reference no row of "
                            + ctx.dsl().render(referenced)
                            + "; the key is in place but those rows break it: fix them, then run the migration again");
        }
    }

    /**
     * The whole column restated ({@code MODIFY}), as {@code SchemaNames.changeNullability} does, in
     * place without a lock; the default, which jOOQ leaves out of the restatement, is set after
     * (instantly).
     */
    static void restate(MigrationContext ctx, Name table, Name column, DataType<?> type) {
        // On MariaDB the column as the catalog has it (unsigned, collation, ON UPDATE, comment kept).
        Query restatement = (ctx.dialect() == Dialect.MARIADB
                        ? MariaDbColumnDefinition.read(ctx.dsl(), table, column)
                        : Optional.<MariaDbColumnDefinition>empty())
                .map(d -> d.modify(ctx.dsl(), table, column, type.nullable(), ""))
                .orElseGet(() -> ctx.dsl()
                        .alterTable(table)
                        .alterColumn(column)
                        .set(bare(type).nullability(type.nullability())));
        alter(ctx, restatement, Algorithm.INPLACE, table);
        if (type.defaulted()) {
            setDefault(ctx, table, column, type);
        }
    }

    private static <T> void setDefault(MigrationContext ctx, Name table, Name column, DataType<T> type) {
        alter(
                ctx,
                ctx.dsl().alterTable(table).alterColumn(column).setDefault(type.defaultValue()),
                Algorithm.INSTANT,
                table);
    }

    private static <T> DataType<T> bare(DataType<T> type) {
        Field<T> none = null;
        return type.nullability(Nullability.DEFAULT).defaultValue(none);
    }
}
