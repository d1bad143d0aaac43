package dev.concertina.runtime.types;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

/**
 * PostgreSQL enum types ({@code create type mood as enum (…)}, Hibernate's mapping of
 * {@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}) for generated migrations. On the
 * other databases the same column is the enumeration {@link PortableTypes} builds there (a native
 * {@code enum} on H2 and MariaDB/MySQL). The type is named exactly ({@code type} as the catalog
 * stores it) and always rendered quoted by jOOQ.
 */
public final class EnumTypes {

    private EnumTypes() {}

    /** The column type: the enum type {@code type} on PostgreSQL, {@link PortableTypes#enumeration} elsewhere. */
    public static DataType<Object> named(MigrationContext ctx, String type, int length, String... values) {
        if (ctx.dialect() != Dialect.POSTGRES) {
            return PortableTypes.enumeration(ctx, length, values);
        }
        String name = ctx.dsl().render(DSL.quotedName(type));
        return new DefaultDataType<>(null, Object.class, name, name);
    }

    /**
     * PostgreSQL: creates enum type {@code type} with {@code values} unless the current schema has
     * a type of that name (two tables may share one). Elsewhere nothing: the column's type holds the values.
     */
    public static void create(MigrationContext ctx, String type, String... values) {
        requireValues(type, values);
        if (ctx.dialect() != Dialect.POSTGRES) {
            return;
        }
        DSLContext dsl = ctx.dsl();
        Integer found = dsl.resultQuery(
                        "select count(*) from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                                + " where n.nspname = current_schema() and t.typname = {0}",
                        DSL.val(type))
                .fetchOne(0, Integer.class);
        if (found != null && found > 0) {
            return;
        }
        dsl.createType(DSL.quotedName(type)).asEnum(values).execute();
    }

    /**
     * Changes the values of an enum-type column to {@code values} (the old ones among them, in the
     * same order; PostgreSQL refuses, naming them, to remove labels the type has). PostgreSQL adds each missing label in its place ({@code alter type … add value
     * if not exists 'B' before 'C'}, from the last to the first, so the label named after each one
     * is there); since PostgreSQL 12 this runs inside the migration's transaction, and a label
     * added cannot be used before it commits. Elsewhere the column's enumeration changes as
     * {@link PortableTypes#changeEnumValues} does; {@code definition} is its full new definition.
     */
    public static void changeValues(
            MigrationContext ctx, Name table, Name column, DataType<?> definition, String type, String... values) {
        requireValues(type, values);
        if (ctx.dialect() != Dialect.POSTGRES) {
            PortableTypes.changeEnumValues(ctx, table, column, definition, values);
            return;
        }
        Name name = DSL.quotedName(type);
        java.util.List<String> removed = new java.util.ArrayList<>(ctx.dsl()
                .resultQuery(
                        "select e.enumlabel from pg_catalog.pg_enum e join pg_catalog.pg_type t on t.oid = e.enumtypid"
                                + " join pg_catalog.pg_namespace n on n.oid = t.typnamespace"
                                + " where n.nspname = current_schema() and t.typname = {0}",
                        DSL.val(type))
                .fetch(0, String.class));
        removed.removeAll(java.util.List.of(values));
        if (!removed.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    "enum type " + ctx.dsl().render(name) + ": PostgreSQL cannot remove labels " + removed
                            + " in place (the type must be rebuilt and its columns converted); write this step by hand");
        }
        for (int i = values.length - 1; i >= 0; i--) {
            if (i == values.length - 1) {
                ctx.dsl().execute("alter type {0} add value if not exists {1}", name, DSL.inline(values[i]));
            } else {
                ctx.dsl()
                        .execute(
                                "alter type {0} add value if not exists {1} before {2}",
                                name, DSL.inline(values[i]), DSL.inline(values[i + 1]));
            }
        }
    }

    private static void requireValues(String type, String[] values) {
        if (values == null || values.length == 0) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "enum type \"" + type + "\" needs at least one value");
        }
    }
}
