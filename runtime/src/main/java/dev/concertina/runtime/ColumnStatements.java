package dev.concertina.runtime;

import dev.concertina.runtime.internal.MariaDbColumnDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Nullability;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The column and constraint statements whose shape depends on the database; the methods of
 * {@link SchemaNames} of the same names, which say what each does per database.
 */
final class ColumnStatements {

    private final Dialect dialect;
    private final DSLContext dsl;
    /** The running migration, whose steps the column statements are; null outside one. */
    private final MigrationContext ctx;

    private final CatalogNames catalog;

    ColumnStatements(Dialect dialect, DSLContext dsl, MigrationContext ctx, CatalogNames catalog) {
        this.dialect = dialect;
        this.dsl = dsl;
        this.ctx = ctx;
        this.catalog = catalog;
    }

    /**
     * A column statement that reads the catalog before it writes is one step of the migration
     * ({@link MigrationContext#step}): a rerun after a crash must not read a catalog it already changed.
     */
    private void step(String description, Runnable work) {
        if (ctx == null) {
            work.run();
        } else {
            ctx.step(description, work);
        }
    }

    /** {@code change type of "t"."c" to varchar(10) not null default}: the step's description. */
    private String columnChange(String aspect, Name table, Name column, DataType<?> type) {
        return "change " + aspect + " of " + dsl.render(table) + "." + dsl.render(column) + " to "
                + type.getCastTypeName()
                + (type.nullable() ? " null" : " not null")
                + (type.defaulted() ? " default" : "");
    }

    void changeType(Name table, Name column, DataType<?> type) {
        step(columnChange("type", table, column, type), () -> changeTypeNow(table, column, type));
    }

    private void changeTypeNow(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type, true);
            return;
        }
        dsl.alterTable(table).alterColumn(column).set(bare(type)).execute();
        if (dialect == Dialect.H2 && type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    void changeNullability(Name table, Name column, DataType<?> type) {
        step(columnChange("nullability", table, column, type), () -> changeNullabilityNow(table, column, type));
    }

    private void changeNullabilityNow(Name table, Name column, DataType<?> type) {
        if (restatesColumn()) {
            restate(table, column, type, false);
        } else if (type.nullable()) {
            dsl.alterTable(table).alterColumn(column).dropNotNull().execute();
        } else {
            dsl.alterTable(table).alterColumn(column).setNotNull().execute();
        }
    }

    void dropPrimaryKey(Name table) {
        step("drop primary key of " + dsl.render(table), () -> dropPrimaryKeyNow(table));
    }

    private void dropPrimaryKeyNow(Name table) {
        if (dialect != Dialect.POSTGRES) {
            dsl.alterTable(table).dropPrimaryKey().execute();
            return;
        }
        String constraint = dsl.resultQuery(
                        "select conname from pg_catalog.pg_constraint where conrelid = to_regclass({0})::oid and contype = 'p'",
                        DSL.val(dsl.render(table)))
                .fetchOne(0, String.class);
        // Not found (or not readable, as on a recording connection): PostgreSQL's own default name.
        String name = constraint != null ? constraint : table.last() + "_pkey";
        dsl.alterTable(table).dropConstraint(DSL.quotedName(name)).execute();
    }

    void dropForeignKey(Name table, Name foreignKey) {
        step(
                "drop foreign key " + dsl.render(foreignKey) + " of " + dsl.render(table),
                () -> dropForeignKeyNow(table, foreignKey));
    }

    private void dropForeignKeyNow(Name table, Name foreignKey) {
        if (!restatesColumn()) {
            dsl.alterTable(table).dropForeignKey(foreignKey).execute();
            return;
        }
        // MariaDB names the index it adds after the constraint, or after the first column when the
        // constraint had no name of its own.
        List<String> columns = dsl.resultQuery(
                        "select column_name from information_schema.key_column_usage where table_schema = database()"
                                + " and table_name = {0} and constraint_name = {1} order by ordinal_position",
                        DSL.val(table.last()), DSL.val(foreignKey.last()))
                .fetch(0, String.class);
        dsl.alterTable(table).dropForeignKey(foreignKey).execute();
        Map<String, List<String>> indexes = new TreeMap<>();
        dsl.resultQuery(
                        "select index_name, column_name from information_schema.statistics where table_schema = database()"
                                + " and table_name = {0} order by index_name, seq_in_index",
                        DSL.val(table.last()))
                .forEach(r -> indexes.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(r.get(1, String.class)));
        for (String candidate :
                columns.isEmpty() ? List.of(foreignKey.last()) : List.of(foreignKey.last(), columns.get(0))) {
            if (indexes.containsKey(candidate)
                    && (columns.isEmpty() || indexes.get(candidate).equals(columns))) {
                dsl.dropIndex(DSL.quotedName(candidate)).on(table).execute();
                return;
            }
        }
    }

    void dropCheck(Name table, String expression) {
        CatalogNames.FoundCheck check = catalog.findCheck(table, expression);
        if (!check.onColumn()) {
            dsl.alterTable(table).dropConstraint(check.name()).execute();
            return;
        }
        // MariaDB names a check written on a column after the column, and drops it with the column's
        // restatement.
        Name column = check.name();
        MariaDbColumnDefinition definition = MariaDbColumnDefinition.read(dsl, table, column)
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        "drop the check (" + expression + ") of " + dsl.render(table) + ": its column "
                                + dsl.render(column) + " is not there (or is generated)"));
        dsl.execute(definition.modify(dsl, table, column, definition.nullable(), ""));
    }

    /**
     * MariaDB/MySQL: the whole column in one CHANGE COLUMN; jOOQ leaves the default out of it, so it
     * is set after. On MariaDB what the portable type cannot say (unsigned, collation, ON UPDATE,
     * comment, invisible) is kept from the catalog ({@link MariaDbColumnDefinition}); a nullability
     * change restates the column exactly as the catalog has it.
     */
    private void restate(Name table, Name column, DataType<?> type, boolean typeChanges) {
        Optional<MariaDbColumnDefinition> current =
                dialect == Dialect.MARIADB ? MariaDbColumnDefinition.read(dsl, table, column) : Optional.empty();
        if (current.isEmpty()) {
            dsl.alterTable(table)
                    .alterColumn(column)
                    .set(bare(type).nullability(type.nullability()))
                    .execute();
        } else if (typeChanges) {
            Query restatement = dsl.alterTable(table)
                    .alterColumn(column)
                    .set(current.get().keepCollation(bare(type)).nullability(type.nullability()));
            dsl.execute(current.get().modifyType(restatement, type, ""));
        } else {
            dsl.execute(current.get().modify(dsl, table, column, type.nullable(), ""));
        }
        if (type.defaulted()) {
            setDefault(table, column, type);
        }
    }

    private boolean restatesColumn() {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    }

    private <T> void setDefault(Name table, Name column, DataType<T> type) {
        dsl.alterTable(table)
                .alterColumn(column)
                .setDefault(type.defaultValue())
                .execute();
    }

    /** The type alone: no nullability, no default. */
    private static <T> DataType<T> bare(DataType<T> type) {
        Field<T> none = null;
        return type.nullability(Nullability.DEFAULT).defaultValue(none);
    }
}
