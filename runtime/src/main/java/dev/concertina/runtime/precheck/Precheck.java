package dev.concertina.runtime.precheck;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One call per pre-check of a generated migration: each counts the rows of {@code table} that
 * break its rule and fails the migration ({@link ErrorCode#MIGRATION_FAILED}) when there is any,
 * with a message naming the table, the columns, the rule and the number of rows. Names are the
 * quoted {@link Name}s of {@code SchemaNames}; nothing is pasted into SQL text except a check's
 * own condition.
 */
public final class Precheck {

    private Precheck() {}

    /** No row has NULL in {@code column}: before the column becomes NOT NULL. */
    public static void noNulls(MigrationContext ctx, Name table, Name column) {
        int rows = ctx.dsl().fetchCount(DSL.table(table), DSL.field(column).isNull());
        failIf(
                rows,
                "row",
                n -> show(table, column) + " is NULL in " + n + ": fill them before the column becomes NOT NULL");
    }

    /**
     * No two rows share the same values in {@code columns} (rows with a NULL in them do not count,
     * as for a unique key): before a unique key, unique index or primary key is added.
     */
    public static void unique(MigrationContext ctx, Name table, Name... columns) {
        List<Field<Object>> fields = Arrays.stream(columns).map(DSL::field).toList();
        Condition complete = DSL.and(fields.stream().map(Field::isNotNull).toList());
        int groups = ctx.dsl()
                .fetchCount(DSL.select(fields)
                        .from(DSL.table(table))
                        .where(complete)
                        .groupBy(fields)
                        .having(DSL.count().gt(1)));
        failIf(
                groups,
                "value",
                n -> show(table) + " has " + n + " of " + list(columns) + " in more than one row:"
                        + " remove the duplicates before the columns become unique");
    }

    /** Every row whose {@code column} is set has a match in {@code referenced}: before a foreign key is added. */
    public static void referencesExist(
            MigrationContext ctx, Name table, Name column, Name referenced, Name referencedColumn) {
        referencesExist(ctx, table, List.of(column), referenced, List.of(referencedColumn));
    }

    /**
     * Every row whose {@code columns} are all set has a row of {@code referenced} with the same
     * values in {@code referencedColumns}: before a foreign key is added. The referenced table is
     * aliased, so that a table may refer to itself.
     */
    public static void referencesExist(
            MigrationContext ctx, Name table, List<Name> columns, Name referenced, List<Name> referencedColumns) {
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("a foreign key needs as many referenced columns as columns: " + columns
                    + " -> " + referencedColumns);
        }
        Name alias = DSL.quotedName("concertina_ref");
        Condition match = DSL.noCondition();
        Condition complete = DSL.noCondition();
        for (int i = 0; i < columns.size(); i++) {
            Field<Object> own = DSL.field(DSL.name(table, columns.get(i)));
            match = match.and(
                    DSL.field(DSL.name(alias, referencedColumns.get(i))).eq(own));
            complete = complete.and(own.isNotNull());
        }
        Condition missing = DSL.notExists(
                DSL.selectOne().from(DSL.table(referenced).as(alias)).where(match));
        int rows = ctx.dsl().fetchCount(DSL.table(table), complete.and(missing));
        failIf(
                rows,
                "row",
                n -> show(table) + " has " + n + " whose " + list(columns.toArray(Name[]::new)) + " have no match in "
                        + show(referenced) + " " + list(referencedColumns.toArray(Name[]::new)));
    }

    /** Every row satisfies the SQL {@code condition} (or makes it unknown, as a CHECK allows): before a check is added. */
    public static void satisfies(MigrationContext ctx, Name table, String condition) {
        int rows = ctx.dsl().fetchCount(DSL.table(table), DSL.not(DSL.condition(condition)));
        failIf(rows, "row", n -> show(table) + " has " + n + " violating (" + condition + ")");
    }

    /**
     * {@code conversion} of {@code column} evaluates on every row without an error (a cast from
     * text to a number, a hint's expression): before the column is converted.
     */
    public static void converts(MigrationContext ctx, Name table, Name column, Field<?> conversion) {
        try {
            ctx.dsl().select(DSL.count(conversion)).from(DSL.table(table)).execute();
        } catch (DataAccessException e) {
            String cause = Objects.requireNonNullElse(e.getMessage(), e.toString())
                    .lines()
                    .findFirst()
                    .orElse("");
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, show(table, column) + " has values that do not convert: " + cause, e);
        }
    }

    /**
     * Every value of {@code column} fits {@code type} unchanged: before the column narrows to it.
     * Types with a length (character and binary types), whole-number types and decimals with a
     * precision (digits before the point, and after it beyond the scale) can be tested portably; for
     * any other type this throws {@link IllegalArgumentException}.
     */
    public static void fits(MigrationContext ctx, Name table, Name column, DataType<?> type) {
        Misfit m = misfit(column, type);
        int rows = ctx.dsl().fetchCount(DSL.table(table), m.condition());
        failIf(rows, "value", n -> show(table, column) + " has " + n + " " + m.what());
    }

    /**
     * Every value of {@code column} comes back unchanged from a cast to the temporal {@code type}, as
     * the database compares the two (it converts the cast value back to the column's type): before a
     * timestamp loses fractional digits, or its time zone ({@code timestamp with time zone} to
     * {@code timestamp} keeps each instant as this session's wall-clock time; a time the clocks show
     * twice when they go back names two instants, and one of them changes).
     */
    public static void keepsTime(MigrationContext ctx, Name table, Name column, DataType<?> type) {
        Field<Object> value = DSL.field(column);
        // The database compares the two (converting the cast value back), hence a template, not a typed ne().
        Condition changed = DSL.condition("{0} <> {1}", DSL.cast(value, type), value);
        int rows = ctx.dsl().fetchCount(DSL.table(table), changed);
        failIf(
                rows,
                "value",
                n -> show(table, column) + " has " + n + " that " + type.getCastTypeName()
                        + " would change (fractional seconds it rounds, or a time this session's time zone repeats)");
    }

    /** Every value of {@code column} is one of {@code values}: before an enumeration loses values. */
    public static void oneOf(MigrationContext ctx, Name table, Name column, String... values) {
        int rows = ctx.dsl()
                // Compared as text: a PostgreSQL enum type has no operator against a varchar parameter.
                .fetchCount(
                        DSL.table(table),
                        DSL.field(column).cast(SQLDataType.VARCHAR).notIn(values));
        failIf(
                rows,
                "value",
                n -> show(table, column) + " has " + n + " outside "
                        + Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")")));
    }

    /** The rows that do not fit, and how the message says so. */
    private record Misfit(Condition condition, String what) {}

    private static Misfit misfit(Name column, DataType<?> type) {
        Class<?> java = type.getType();
        if (java == String.class && type.hasLength() && type.length() > 0) {
            return new Misfit(
                    DSL.charLength(DSL.field(column, SQLDataType.VARCHAR)).gt(type.length()),
                    "longer than " + type.length() + " characters");
        }
        if (java == Byte.class || java == Short.class || java == Integer.class || java == Long.class) {
            BigDecimal min = BigDecimal.valueOf(
                    java == Byte.class
                            ? Byte.MIN_VALUE
                            : java == Short.class
                                    ? Short.MIN_VALUE
                                    : java == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE);
            BigDecimal max = min.negate().subtract(BigDecimal.ONE);
            return new Misfit(
                    DSL.field(column, SQLDataType.DECIMAL).notBetween(min, max), "outside " + min + " .. " + max);
        }
        if (java == byte[].class && type.hasLength() && type.length() > 0) {
            // Typed as text for jOOQ alone (octetLength takes a Field<String>); nothing is cast.
            return new Misfit(
                    DSL.octetLength(DSL.field(column, SQLDataType.VARCHAR)).gt(type.length()),
                    "longer than " + type.length() + " bytes");
        }
        if (java == BigDecimal.class && type.hasPrecision() && type.precision() > 0) {
            int scale = type.hasScale() ? type.scale() : 0;
            int digits = type.precision() - scale;
            BigDecimal limit = BigDecimal.TEN.pow(digits);
            Field<BigDecimal> value = DSL.field(column, SQLDataType.DECIMAL);
            // Too many digits before the point, or decimals the scale would round away.
            return new Misfit(
                    DSL.abs(value).ge(limit).or(value.ne(DSL.round(value, scale))),
                    "with more than " + digits + " digits before the decimal point or " + scale + " after it");
        }
        throw new IllegalArgumentException("no portable test for values that do not fit " + type.getName()
                + ": the database's own conversion decides");
    }

    /** Fails when {@code count} is positive, with the message made of the count ("1 row", "3 rows"). */
    private static void failIf(int count, String unit, Function<String, String> message) {
        if (count > 0) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, message.apply(count + " " + unit + (count == 1 ? "" : "s")));
        }
    }

    /** {@code "person"}, or {@code "person"."email"}: names as the running database stores them. */
    private static String show(Name table, Name column) {
        return show(table) + "." + show(column);
    }

    private static String show(Name name) {
        return "\"" + name.last() + "\"";
    }

    /** {@code ("first", "last")}. */
    private static String list(Name... columns) {
        return Arrays.stream(columns).map(Precheck::show).collect(Collectors.joining(", ", "(", ")"));
    }
}
