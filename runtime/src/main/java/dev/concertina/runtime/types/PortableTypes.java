package dev.concertina.runtime.types;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.SchemaNames;
import dev.concertina.runtime.online.OnlineDdl;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

/**
 * Per-database column types for generated migrations, where one neutral type is spelled
 * differently on each database (and jOOQ's {@code SQLDataType} has no constant, or the wrong one):
 *
 * <table>
 *   <caption>What each helper builds</caption>
 *   <tr><th>helper</th><th>H2</th><th>PostgreSQL</th><th>MariaDB / MySQL</th></tr>
 *   <tr><td>{@link #enumeration}</td><td>{@code enum('A','B')}</td>
 *       <td>{@code varchar(n)} + unnamed {@code check (c in ('A','B'))} ({@link #addEnumCheck})</td>
 *       <td>{@code enum('A','B')}</td></tr>
 *   <tr><td>{@link #largeObject}</td><td>{@code clob} / {@code blob}</td><td>{@code oid}</td>
 *       <td>{@code longtext} / {@code longblob}</td></tr>
 *   <tr><td>{@link #timestampWithTimeZone}</td><td>{@code timestamp(p) with time zone}</td>
 *       <td>{@code timestamp(p) with time zone}</td><td>{@code datetime(p)}</td></tr>
 *   <tr><td>{@link #utcTimestamp}</td><td>{@code timestamp(p) with time zone}</td>
 *       <td>{@code timestamp(p) with time zone}</td><td>{@code timestamp(p)}</td></tr>
 *   <tr><td>{@link #timestamp}</td><td>{@code timestamp(p)}</td><td>{@code timestamp(p)}</td>
 *       <td>{@code datetime(p)}</td></tr>
 *   <tr><td>{@link #uuid}</td><td>{@code uuid}</td><td>{@code uuid}</td><td>{@code uuid} (MariaDB), {@code char(36)} (MySQL)</td></tr>
 * </table>
 *
 * These are Hibernate's own mappings of {@code @Enumerated(STRING)}, {@code @Lob} and the zoned
 * {@code java.time} types on each database. Types are returned as jOOQ {@link DataType}s (use
 * {@code nullable}, {@code defaultValue} on them as on any other); the type text is made of the
 * type name and literals rendered by jOOQ, never of identifiers, which stay jOOQ names.
 */
public final class PortableTypes {

    /** Hibernate's length of an enumeration's varchar when the mapping gives none. */
    public static final int DEFAULT_ENUM_LENGTH = 255;

    private PortableTypes() {}

    /**
     * The type of an enumeration column with {@code values}: a native {@code enum} on H2 and
     * MariaDB/MySQL, a {@code varchar(length)} on PostgreSQL, where {@link #addEnumCheck} must
     * follow once the column exists.
     */
    public static DataType<Object> enumeration(MigrationContext ctx, int length, String... values) {
        requireValues(values);
        if (ctx.dialect() == Dialect.POSTGRES) {
            return named("varchar(" + length + ")");
        }
        String literals = Arrays.stream(values)
                .map(v -> ctx.dsl().renderInlined(DSL.inline(v)))
                .collect(Collectors.joining(","));
        return named("enum(" + literals + ")");
    }

    /**
     * PostgreSQL: adds the unnamed {@code check (column in (values))} that makes a varchar an
     * enumeration (the database names it {@code <table>_<column>_check}, as for Hibernate's DDL).
     * Elsewhere the type itself holds the values: nothing to do.
     */
    public static void addEnumCheck(MigrationContext ctx, Name table, Name column, String... values) {
        requireValues(values);
        if (ctx.dialect() != Dialect.POSTGRES) {
            return;
        }
        // NOT VALID + VALIDATE where the revision allows it (docs/expand.md, "Online DDL").
        OnlineDdl.addCheck(ctx, table, DSL.check(DSL.field(column).in(Arrays.asList((Object[]) values))));
    }

    /**
     * Changes the values of an enumeration column to {@code values}; {@code definition} is the
     * column's full new definition ({@link #enumeration} with its nullability and default), which
     * MariaDB restates in its {@code MODIFY}. H2 and MariaDB change the type in place
     * ({@link SchemaNames#changeType}); PostgreSQL drops the column's enumeration check (found in
     * {@code pg_constraint} when the migration runs, since the database named it) and adds the new
     * one. Existing rows must already hold only the new values (the planner checks them first when
     * values are removed).
     */
    public static void changeEnumValues(
            MigrationContext ctx, Name table, Name column, DataType<?> definition, String... values) {
        requireValues(values);
        if (ctx.dialect() != Dialect.POSTGRES) {
            SchemaNames.of(ctx).changeType(table, column, definition);
            return;
        }
        DSLContext dsl = ctx.dsl();
        List<Name> checks = SchemaNames.of(ctx).inListChecks(table, column);
        if (checks.isEmpty()) {
            // Seen in the SQL view (no catalog there), or a column whose check someone dropped.
            ctx.progress("-- no check limiting the values of " + dsl.render(table) + "." + dsl.render(column)
                    + " found to drop (looked up by the running migration)");
        }
        for (Name check : checks) {
            OnlineDdl.execute(ctx, dsl.alterTable(table).dropConstraint(check), table);
        }
        addEnumCheck(ctx, table, column, values);
    }

    /**
     * A large object holding text ({@code character}) or bytes: PostgreSQL's large-object
     * reference {@code oid} (Hibernate's {@code @Lob}), H2's {@code clob}/{@code blob}, MariaDB's
     * {@code longtext}/{@code longblob}.
     */
    public static DataType<Object> largeObject(MigrationContext ctx, boolean character) {
        switch (ctx.dialect()) {
            case POSTGRES:
                return named("oid");
            case H2:
                return named(character ? "clob" : "blob");
            default:
                return named(character ? "longtext" : "longblob");
        }
    }

    /**
     * A timestamp that keeps the instant: {@code timestamp(p) with time zone} on H2 and
     * PostgreSQL; on MariaDB/MySQL {@code datetime(p)}, which is what Hibernate maps
     * {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} to there (it normalises
     * the value itself; jOOQ's {@code timestamp with time zone(p)} is not valid there).
     */
    public static DataType<Object> timestampWithTimeZone(MigrationContext ctx, int precision) {
        return isMariaDb(ctx) ? named("datetime(" + precision + ")") : zoned(precision);
    }

    /**
     * MariaDB/MySQL's own {@code timestamp(p)} (stored in UTC, shown in the session's zone), for
     * a column that was one; {@code timestamp(p) with time zone} elsewhere.
     */
    public static DataType<Object> utcTimestamp(MigrationContext ctx, int precision) {
        return isMariaDb(ctx) ? named("timestamp(" + precision + ")") : zoned(precision);
    }

    /**
     * A timestamp without time zone: {@code timestamp(p)}; {@code datetime(p)} on MariaDB/MySQL,
     * whose {@code timestamp} (what jOOQ writes there) is a different type that converts values
     * to and from the session's time zone.
     */
    public static DataType<Object> timestamp(MigrationContext ctx, int precision) {
        return named((isMariaDb(ctx) ? "datetime(" : "timestamp(") + precision + ")");
    }

    /**
     * A UUID: jOOQ's {@code uuid} on H2 and PostgreSQL; MariaDB's native {@code uuid} (10.7 and
     * later, what Hibernate's MariaDB dialect maps {@code java.util.UUID} to), where jOOQ would
     * write {@code char(36)}.
     */
    public static DataType<Object> uuid(MigrationContext ctx) {
        return named(ctx.dialect() == Dialect.MYSQL ? "char(36)" : "uuid");
    }

    /**
     * Hibernate's basic array ({@code String[]}, {@code List<Integer>}): the element type's array on
     * PostgreSQL ({@code varchar(255)[]}) and H2 ({@code varchar(255) array}); on MariaDB/MySQL,
     * which have no arrays, the JSON document Hibernate stores it as.
     */
    @SuppressWarnings("unchecked")
    public static DataType<Object> array(MigrationContext ctx, DataType<?> element) {
        return isMariaDb(ctx) ? named("json") : (DataType<Object>) (DataType<?>) element.getArrayDataType();
    }

    private static DataType<Object> zoned(int precision) {
        return named("timestamp(" + precision + ") with time zone");
    }

    private static boolean isMariaDb(MigrationContext ctx) {
        return ctx.dialect() == Dialect.MARIADB || ctx.dialect() == Dialect.MYSQL;
    }

    /**
     * A type rendered exactly as {@code text} in DDL and casts. jOOQ writes a type's "cast type
     * name" verbatim when the Java type is not one it maps itself (it would turn a String type
     * without length into {@code text} on MariaDB).
     */
    @SuppressWarnings("deprecation")
    private static DataType<Object> named(String text) {
        return new DefaultDataType<>(null, Object.class, text, text);
    }

    private static void requireValues(String[] values) {
        if (values == null || values.length == 0) {
            throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, "an enumeration needs at least one value");
        }
    }
}
