package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.types.ColumnExtras;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Column types, column definitions and default values as jOOQ code: {@code SQLDataType} constants
 * where jOOQ spells the type as Hibernate does on every database, and the runtime's
 * {@code PortableTypes} where it does not (enumerations, large objects, timestamps on MariaDB);
 * see docs/codegen.md, "Types".
 */
final class TypeCode {

    static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
    static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");
    static final ClassName PORTABLE_TYPES = ClassName.get("dev.concertina.runtime.types", "PortableTypes");
    static final ClassName COLUMN_EXTRAS = ClassName.get("dev.concertina.runtime.types", "ColumnExtras");
    static final ClassName ENUM_TYPES = ClassName.get("dev.concertina.runtime.types", "EnumTypes");
    /** The type modifier naming a PostgreSQL enum type (engine's live reader, the entity reader). */
    private static final String ENUM_TYPE = "enum type ";

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private TypeCode() {}

    /**
     * {@code SQLDataType.VARCHAR(200)}, {@code PortableTypes.enumeration(ctx, 255, "A", "B")};
     * {@code where} names the column for errors. The code refers to the method's {@code ctx}.
     */
    static CodeBlock type(ColumnType t, String where) {
        if (t.mapped().isPresent()) {
            // What the entity asks for where the model's database cannot show it (TINYINT read as
            // smallint, VARBINARY(255) as bytea, a zoned timestamp as datetime): each database then
            // gets Hibernate's type for it.
            return type(t.mapped().get(), where);
        }
        switch (t.kind()) {
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case REAL:
            case DOUBLE:
            case DATE:
            case JSON:
            case JSONB:
                return CodeBlock.of("$T.$L", SQL_DATA_TYPE, t.kind().name());
            case UUID:
                // jOOQ writes char(36) on MariaDB, whose Hibernate dialect maps UUID to its native uuid.
                return CodeBlock.of("$T.uuid(ctx)", PORTABLE_TYPES);
            case CLOB:
                // PostgreSQL's text stays text; any other database's character LOB is what Hibernate
                // makes of @Lob String: oid on PostgreSQL, clob on H2, longtext on MariaDB.
                return rawBase(t).equals("text") ? CodeBlock.of("$T.CLOB", SQL_DATA_TYPE) : largeObject(true);
            case BLOB:
                return rawBase(t).equals("bytea") ? CodeBlock.of("$T.BLOB", SQL_DATA_TYPE) : largeObject(false);
            case LARGE_OBJECT:
                // Bytes unless the mapping said text: the database alone cannot tell.
                return largeObject(t.content().orElse(TypeKind.BLOB) == TypeKind.CLOB);
            case ENUM: {
                Optional<String> named = enumType(t);
                CodeBlock.Builder b = named.isPresent()
                        ? CodeBlock.builder()
                                .add(
                                        "$T.named(ctx, $S, $L",
                                        ENUM_TYPES,
                                        named.get(),
                                        t.length().orElse(DEFAULT_ENUM_LENGTH))
                        : CodeBlock.builder()
                                .add(
                                        "$T.enumeration(ctx, $L",
                                        PORTABLE_TYPES,
                                        t.length().orElse(DEFAULT_ENUM_LENGTH));
                t.enumValues().forEach(v -> b.add(", $S", v));
                return b.add(")").build();
            }
            case DECIMAL:
                if (t.precision().isPresent()) {
                    return CodeBlock.of(
                            "$T.DECIMAL($L, $L)",
                            SQL_DATA_TYPE,
                            t.precision().getAsInt(),
                            t.scale().orElse(0));
                }
                return CodeBlock.of("$T.DECIMAL", SQL_DATA_TYPE);
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                if (t.length().isPresent()) {
                    return CodeBlock.of(
                            "$T.$L($L)",
                            SQL_DATA_TYPE,
                            t.kind().name(),
                            t.length().getAsInt());
                }
                return CodeBlock.of("$T.$L", SQL_DATA_TYPE, t.kind().name());
            case TIME:
                return temporal(t, t.kind().name());
            case TIMESTAMP:
                // jOOQ writes timestamp on MariaDB, which is MariaDB's zone-converting type: datetime there.
                return CodeBlock.of(
                        "$T.timestamp(ctx, $L)", PORTABLE_TYPES, t.precision().orElse(DEFAULT_FRACTION));
            case TIME_WITH_TIME_ZONE:
                return temporal(t, "TIMEWITHTIMEZONE");
            case TIMESTAMP_WITH_TIME_ZONE: {
                // Read from H2 or PostgreSQL ("… with time zone", "timestamptz"): Hibernate's zoned
                // java.time mapping, datetime on MariaDB. Read from MariaDB, it was MariaDB's own
                // timestamp: that again there.
                String raw = t.raw().toLowerCase(Locale.ROOT);
                boolean mariaDbTimestamp = !raw.contains("zone") && !raw.contains("tz");
                return CodeBlock.of(
                        "$T.$L(ctx, $L)",
                        PORTABLE_TYPES,
                        mariaDbTimestamp ? "utcTimestamp" : "timestampWithTimeZone",
                        t.precision().orElse(DEFAULT_FRACTION));
            }
            case ARRAY: {
                // The element's own code; an array of it where the database has arrays, JSON on MariaDB (Hibernate's).
                ColumnType element = new ColumnType(
                        t.content().orElse(TypeKind.UNSUPPORTED),
                        t.length(),
                        t.precision(),
                        t.scale(),
                        t.enumValues(),
                        "",
                        Optional.empty(),
                        t.modifiers());
                return CodeBlock.of("$T.array(ctx, $L)", PORTABLE_TYPES, type(element, where));
            }
            default:
                return declared(t, where);
        }
    }

    /**
     * A type with no portable spelling, carried as the database (or the mapping) declared it, the
     * way Hibernate writes a {@code columnDefinition}: a step that keeps such a column (its
     * nullability, a downgrade adding it back) builds where it was read; guessing a portable type
     * instead would build a different column on each database.
     */
    private static CodeBlock declared(ColumnType t, String where) {
        String raw = t.raw().trim();
        if (!ColumnExtras.isPlainType(raw)) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    where + ": type " + t.describe() + " (" + t.raw()
                            + ") has no portable jOOQ type and is not a plain type name to carry as declared;"
                            + " map the attribute to a portable type or ignore the column in the rules file");
        }
        return CodeBlock.of("$T.declared($S)", COLUMN_EXTRAS, raw);
    }

    /** Hibernate's length of an enumeration's varchar on PostgreSQL when the model has none (read on H2 or MariaDB). */
    static final int DEFAULT_ENUM_LENGTH = 255;

    /** Fractional-second digits when a model type has none. */
    private static final int DEFAULT_FRACTION = 6;

    private static CodeBlock largeObject(boolean character) {
        return CodeBlock.of("$T.largeObject(ctx, $L)", PORTABLE_TYPES, character);
    }

    /** The type name of the raw text, lower case, without facets: {@code text}, {@code longblob}. */
    private static String rawBase(ColumnType t) {
        String r = t.raw().toLowerCase(Locale.ROOT).trim();
        int open = r.indexOf('(');
        return (open >= 0 ? r.substring(0, open) : r).trim();
    }

    // ------------------------------------------------------------------ enumerations

    /** True when an ALTER of {@code from} into {@code to} changes an enumeration's values only. */
    static boolean isEnumValuesChange(ColumnType from, ColumnType to) {
        return from.kind() == TypeKind.ENUM && to.kind() == TypeKind.ENUM;
    }

    /**
     * The statement that completes an enumeration column once it exists (PostgreSQL's check; a
     * no-op elsewhere), or nothing for other columns.
     */
    static Optional<CodeBlock> afterColumn(Column c, CodeBlock table, CodeBlock column) {
        if (c.type().kind() != TypeKind.ENUM || enumType(c.type()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                CodeBlock.of("$T.addEnumCheck(ctx, $L, $L$L)", PORTABLE_TYPES, table, column, values(c.type())));
    }

    /** The PostgreSQL enum type an ENUM is, when it is one ({@code enum type mood}). */
    static Optional<String> enumType(ColumnType t) {
        return t.modifiers().stream()
                .filter(m -> m.startsWith(ENUM_TYPE))
                .map(m -> m.substring(ENUM_TYPE.length()))
                .findFirst();
    }

    /** The statement creating a column's PostgreSQL enum type (when missing) before the column, or nothing. */
    static Optional<CodeBlock> beforeColumn(Column c) {
        return enumType(c.type()).map(name -> CodeBlock.of("$T.create(ctx, $S$L)", ENUM_TYPES, name, values(c.type())));
    }

    /**
     * Changes an enumeration's values to those of {@code to} (its full definition restated); a
     * PostgreSQL enum type only gains labels in place ({@code EnumTypes.changeValues}, which
     * refuses a removal when it runs there); a column cannot move between an enum type and a
     * varchar with a check.
     */
    static CodeBlock changeEnumValues(Column from, Column to, CodeBlock table, CodeBlock column, String where) {
        Optional<String> named = enumType(to.type());
        if (!named.equals(enumType(from.type()))) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    where + ": " + from.type().describe() + " -> " + to.type().describe()
                            + ": moving a column to or from a PostgreSQL enum type has no generated step;"
                            + " write this step by hand in a revision of its own");
        }
        if (named.isEmpty()) {
            return changeEnumValues(to, table, column, where);
        }
        return CodeBlock.of(
                "$T.changeValues(ctx, $L, $L, $L, $S$L)",
                ENUM_TYPES,
                table,
                column,
                column(to, where),
                named.get(),
                values(to.type()));
    }

    /** Changes an enumeration's values to those of {@code to} (its full definition restated). */
    static CodeBlock changeEnumValues(Column to, CodeBlock table, CodeBlock column, String where) {
        return CodeBlock.of(
                "$T.changeEnumValues(ctx, $L, $L, $L$L)",
                PORTABLE_TYPES,
                table,
                column,
                column(to, where),
                values(to.type()));
    }

    /** A condition true for values of {@code column} outside enumeration {@code t}. */
    static CodeBlock outsideEnum(CodeBlock column, ColumnType t) {
        CodeBlock list = t.enumValues().stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
        return CodeBlock.of("$T.field($L).notIn($L)", DSL, column, list);
    }

    private static CodeBlock values(ColumnType t) {
        CodeBlock.Builder b = CodeBlock.builder();
        t.enumValues().forEach(v -> b.add(", $S", v));
        return b.build();
    }

    private static CodeBlock temporal(ColumnType t, String constant) {
        return t.precision().isPresent()
                ? CodeBlock.of(
                        "$T.$L($L)", SQL_DATA_TYPE, constant, t.precision().getAsInt())
                : CodeBlock.of("$T.$L", SQL_DATA_TYPE, constant);
    }

    /**
     * The full column definition: type, nullability, identity and default:
     * {@code SQLDataType.VARCHAR(200).nullable(false).defaultValue(DSL.inline("x", SQLDataType.VARCHAR(200)))}.
     */
    static CodeBlock column(Column c, String where) {
        CodeBlock type = collated(c, where);
        CodeBlock.Builder b = CodeBlock.builder().add("$L.nullable($L)", type, c.nullable());
        if (c.identity()) {
            b.add(".identity(true)");
        }
        c.defaultValue().ifPresent(d -> b.add(".defaultValue($L)", defaultValue(d, c.type(), type)));
        return b.build();
    }

    /** The type and nullability alone (for a column added as a copy, or a temporary column). */
    static CodeBlock bare(Column c, String where) {
        return CodeBlock.of("$L.nullable($L)", collated(c, where), c.nullable());
    }

    /** The type with the column's collation, where it states one ({@code ColumnExtras.collated}). */
    static CodeBlock collated(Column c, String where) {
        CodeBlock type = type(c.type(), where);
        return c.details().collation().isPresent()
                ? CodeBlock.of(
                        "$T.collated(ctx, $L, $S)",
                        COLUMN_EXTRAS,
                        type,
                        c.details().collation().get())
                : type;
    }

    /**
     * Adds generated column {@code c} ({@code ColumnExtras.addGenerated}: jOOQ's open-source DDL
     * has no computed columns); the type carries no default, which a generated column cannot have.
     */
    static CodeBlock addGenerated(Column c, CodeBlock table, CodeBlock column, String where) {
        return CodeBlock.of(
                "$T.addGenerated(ctx, $L, $L, $L.nullable($L), $S, $L)",
                COLUMN_EXTRAS,
                table,
                column,
                collated(c, where),
                c.nullable(),
                c.details().generated().orElseThrow(),
                c.details().stored());
    }

    /**
     * A default value as a typed jOOQ field. Literals are inlined ({@code DSL.inline("x", type)})
     * so every dialect spells them its own way; {@code current_timestamp} and {@code current_date}
     * are jOOQ functions; anything else is the model's normalised SQL, passed as written.
     */
    static CodeBlock defaultValue(String text, ColumnType t, CodeBlock type) {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (STRING.matcher(s).matches()) {
            return CodeBlock.of(
                    "$T.inline($S, $L)", DSL, s.substring(1, s.length() - 1).replace("''", "'"), type);
        }
        if (t.kind() == TypeKind.BOOLEAN
                && (lower.equals("true") || lower.equals("false") || lower.equals("1") || lower.equals("0"))) {
            boolean v = lower.equals("true") || lower.equals("1");
            return CodeBlock.of("$T.inline($L, $L)", DSL, v, type);
        }
        if (INTEGER.matcher(s).matches()) {
            return CodeBlock.of("$T.inline($S, $L)", DSL, s, type);
        }
        if (NUMBER.matcher(s).matches()) {
            return CodeBlock.of("$T.inline($S, $L)", DSL, s, type);
        }
        if (lower.equals("current_timestamp") && (t.kind() == TypeKind.TIMESTAMP)) {
            return CodeBlock.of("$T.field($S, $L)", DSL, "current_timestamp", type);
        }
        return CodeBlock.of("$T.field($S, $L)", DSL, s, type);
    }

    /** Optional default text of a column, for messages. */
    static Optional<String> defaultText(Column c) {
        return c.defaultValue();
    }
}
