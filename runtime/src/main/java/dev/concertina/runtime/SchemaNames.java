package dev.concertina.runtime;

import java.util.Locale;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Nullability;
import org.jooq.impl.DSL;

/**
 * The one naming policy of generated migrations, applied when they run.
 *
 * <p>A generated class runs on H2, PostgreSQL and MariaDB alike, but each database stores names
 * written without quotes in its own case (H2 upper, PostgreSQL lower, MariaDB as written). So
 * codegen writes two kinds of names:
 * <ul>
 *   <li><b>folding names</b> ({@link #name}): names that were unquoted where they came from. They
 *       are written in lower case and folded here for the running database, as that database would
 *       fold them ({@link Dialect#foldUnquoted}): {@code "person"} becomes {@code "PERSON"} on H2,
 *       {@code "person"} on PostgreSQL and MariaDB;</li>
 *   <li><b>exact names</b> ({@link #exact}): names someone quoted on purpose ({@code "Group"},
 *       mixed case). They are used exactly as written, everywhere.</li>
 * </ul>
 * Either way the result is a quoted jOOQ {@link Name}: reserved words ({@code order},
 * {@code user}) need no special care, and no name is ever pasted into SQL text.
 *
 * <p>The runtime helpers that take names as strings ({@code SyncTriggers}, {@code WriteGuard},
 * {@code Backfill}) want them in the database's own case: pass {@link #fold} of a folding name,
 * or an exact name as it is.
 *
 * <p>Besides names, two column statements whose shape depends on the database live here, because
 * a generated class must issue the same intent everywhere: MariaDB/MySQL's {@code CHANGE COLUMN}
 * restates the whole column (type, nullability and default together, or it silently drops the
 * ones left out), PostgreSQL changes one aspect per statement (jOOQ renders a combined type and
 * NOT NULL change as a {@code DO} block), and H2's {@code ALTER COLUMN c type} drops the default.
 * Dropping a foreign key is here too: MariaDB keeps the index it made for the key.
 */
public final class SchemaNames {

    private final Dialect dialect;
    private final DSLContext dsl;

    private SchemaNames(Dialect dialect, DSLContext dsl) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** The names (and column statements) for a running migration. */
    public static SchemaNames of(MigrationContext ctx) {
        return new SchemaNames(ctx.dialect(), ctx.dsl());
    }

    /** The names for {@code dialect}; column statements run on {@code dsl}. */
    public static SchemaNames of(Dialect dialect, DSLContext dsl) {
        return new SchemaNames(dialect, dsl);
    }

    /** The dialect names are folded for. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * A folding name, as {@code dialect} stores it: {@code fold(H2, "person")} is {@code "PERSON"}.
     * Codegen writes folding names in lower case.
     */
    public static String fold(Dialect dialect, String logical) {
        return dialect.foldUnquoted(Objects.requireNonNull(logical, "logical"));
    }

    /**
     * True when {@code name}, as read from a database of {@code source}, is a folding name: writing
     * it in lower case without quotes on that database gives back exactly {@code name}. Mixed-case
     * names and names in the "wrong" case for {@code source} are exact names.
     */
    public static boolean isFolding(Dialect source, String name) {
        return !name.isEmpty() && source.foldUnquoted(name.toLowerCase(Locale.ROOT)).equals(name);
    }

    /** {@link #fold(Dialect, String)} for the running database. */
    public String fold(String logical) {
        return fold(dialect, logical);
    }

    /** A folding name, folded for the running database and quoted. */
    public Name name(String logical) {
        return DSL.quotedName(fold(logical));
    }

    /** An exact name: quoted, exactly as written, on every database. */
    public Name exact(String name) {
        return DSL.quotedName(Objects.requireNonNull(name, "name"));
    }

    /**
     * Changes the type of {@code column} of {@code table} to {@code column}'s full definition
     * {@code type} (with its nullability and default, as the column must end up): MariaDB/MySQL
     * restate all of it in one {@code CHANGE COLUMN}; PostgreSQL and H2 change the type alone and
     * keep the nullability, and H2, which drops the default with the type change, has it set again.
     */
    public void changeType(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type);
            return;
        }
        dsl.alterTable(table).alterColumn(column).set(bare(type)).execute();
        if (dialect == Dialect.H2 && type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    /**
     * Sets whether {@code column} of {@code table} accepts NULL, as {@code type} (the column's full
     * definition) says: {@code SET NOT NULL} / {@code DROP NOT NULL} on PostgreSQL and H2, the whole
     * column restated on MariaDB/MySQL.
     */
    public void changeNullability(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type);
        } else if (type.nullable()) {
            dsl.alterTable(table).alterColumn(column).dropNotNull().execute();
        } else {
            dsl.alterTable(table).alterColumn(column).setNotNull().execute();
        }
    }

    /**
     * Drops the primary key of {@code table}. PostgreSQL has no {@code DROP PRIMARY KEY}: the
     * constraint's name is looked up in {@code pg_constraint} (the table's quoted name is passed as
     * a bind value, never pasted); when it cannot be read, PostgreSQL's default {@code <table>_pkey}.
     */
    public void dropPrimaryKey(Name table) {
        if (dialect != Dialect.POSTGRES) {
            dsl.alterTable(table).dropPrimaryKey().execute();
            return;
        }
        String constraint = dsl.resultQuery(
                "select conname from pg_catalog.pg_constraint where conrelid = to_regclass({0})::oid and contype = 'p'",
                DSL.val(dsl.render(table))).fetchOne(0, String.class);
        // Not found (or not readable, as on a recording connection): PostgreSQL's own default name.
        String name = constraint != null ? constraint : table.last() + "_pkey";
        dsl.alterTable(table).dropConstraint(DSL.quotedName(name)).execute();
    }

    /**
     * Drops a foreign key. MariaDB/MySQL keep the index they created for it under the same name
     * (when no other index served the key); it is dropped too, so the table ends as it was before
     * the key was added.
     */
    public void dropForeignKey(Name table, Name foreignKey) {
        dsl.alterTable(table).dropForeignKey(foreignKey).execute();
        if (restatesColumn()) {
            Integer left = dsl.resultQuery("select count(*) from information_schema.statistics where table_schema = database()"
                    + " and table_name = {0} and index_name = {1}", DSL.val(table.last()), DSL.val(foreignKey.last())).fetchOne(0, Integer.class);
            if (left != null && left > 0) {
                dsl.dropIndex(foreignKey).on(table).execute();
            }
        }
    }

    /** MariaDB/MySQL: the whole column in one CHANGE COLUMN; jOOQ leaves the default out of it, so it is set after. */
    private void restate(Name table, Name column, DataType<?> type) {
        dsl.alterTable(table).alterColumn(column).set(bare(type).nullability(type.nullability())).execute();
        if (type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    private boolean restatesColumn() {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    }

    private <T> void setDefault(Name table, Name column, DataType<T> type) {
        dsl.alterTable(table).alterColumn(column).setDefault(type.defaultValue()).execute();
    }

    /** The type alone: no nullability, no default. */
    private static <T> DataType<T> bare(DataType<T> type) {
        Field<T> none = null;
        return type.nullability(Nullability.DEFAULT).defaultValue(none);
    }
}
