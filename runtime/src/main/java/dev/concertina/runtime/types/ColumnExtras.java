package dev.concertina.runtime.types;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.Nullability;
import org.jooq.impl.DSL;

/**
 * What a column carries beyond its type, spelled per database for generated migrations: a
 * collation ({@code @Collate}) and a generated (computed) column ({@code @GeneratedColumn}).
 *
 * <table>
 *   <caption>What each helper builds</caption>
 *   <tr><th>helper</th><th>H2</th><th>PostgreSQL</th><th>MariaDB / MySQL</th></tr>
 *   <tr><td>{@link #collated}</td><td>the type alone (H2 has no per-column collation)</td>
 *       <td>{@code varchar(n) collate "C"}</td><td>{@code varchar(n) collate `utf8mb4_bin`}</td></tr>
 *   <tr><td>{@link #addGenerated}</td><td>{@code generated always as (e)}</td>
 *       <td>{@code generated always as (e) stored}</td>
 *       <td>{@code generated always as (e) stored} / {@code virtual}</td></tr>
 * </table>
 *
 * jOOQ's open-source edition leaves computed columns out of its DDL, so {@link #addGenerated}
 * writes the clause itself; names stay jOOQ names.
 */
public final class ColumnExtras {

    private ColumnExtras() {}

    /**
     * {@code type} with the collation {@code collation} (a name of the running database's own),
     * or {@code type} alone on H2, which cannot hold one per column: the migration's progress says
     * so (and a plan made for H2 warned of it).
     */
    public static <T> DataType<T> collated(MigrationContext ctx, DataType<T> type, String collation) {
        if (ctx.dialect() == Dialect.H2) {
            ctx.progress("-- collation " + collation + " not applied: H2 has no per-column collation");
            return type;
        }
        return type.collation(DSL.collation(collation));
    }

    /** SQL type text a generated migration may carry as declared: a type name with its facets, nothing more. */
    private static final java.util.regex.Pattern DECLARED =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_ ]*(\\([0-9A-Za-z_, ]*\\))?( ?\\[\\])*");

    /**
     * A type with no portable spelling ({@code geometry}, {@code tsvector}, {@code int4range}),
     * written as the database or the mapping declared it, as Hibernate writes a
     * {@code columnDefinition}: it builds on the database it was read from, and Concertina keeps it
     * rather than refuse the plan. Only a type name with its facets is accepted.
     */
    public static DataType<Object> declared(String sqlType) {
        if (!isPlainType(sqlType)) {
            throw new IllegalArgumentException("not a plain SQL type: " + sqlType);
        }
        return org.jooq.impl.DefaultDataType.getDefaultDataType(sqlType);
    }

    /** Whether {@link #declared} accepts {@code sqlType}: a type name with its facets, nothing more. */
    public static boolean isPlainType(String sqlType) {
        return DECLARED.matcher(sqlType).matches();
    }

    /**
     * Adds {@code column} to {@code table} as a generated column computing {@code expression}
     * (SQL text from the entity mapping, canonical): stored on PostgreSQL (the only kind before
     * version 18), as {@code stored} says on MariaDB/MySQL, H2's only kind on H2.
     */
    public static void addGenerated(
            MigrationContext ctx, Name table, Name column, DataType<?> type, String expression, boolean stored) {
        Dialect d = ctx.dialect();
        String kind = switch (d) {
            case H2 -> "";
            case POSTGRES -> " stored";
            default -> stored ? " stored" : " virtual";
        };
        // MariaDB refuses NOT NULL on a generated column; elsewhere it is a constraint on the computed value.
        String notNull = !type.nullable() && d != Dialect.MARIADB && d != Dialect.MYSQL ? " not null" : "";
        // jOOQ writes the column and its type (with a collation); the generated clause follows it.
        String add = ctx.dsl()
                .renderInlined(ctx.dsl().alterTable(table).addColumn(column, type.nullability(Nullability.DEFAULT)));
        ctx.dsl().execute(add + " generated always as (" + expression + ")" + kind + notNull);
    }
}
