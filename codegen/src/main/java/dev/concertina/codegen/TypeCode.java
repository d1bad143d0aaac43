package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Column types, column definitions and default values as jOOQ code ({@code SQLDataType} constants). */
final class TypeCode {

    static final ClassName SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
    static final ClassName DSL = ClassName.get("org.jooq.impl", "DSL");

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    private TypeCode() {}

    /** {@code SQLDataType.VARCHAR(200)}; {@code where} names the column for errors. */
    static CodeBlock type(ColumnType t, String where) {
        switch (t.kind()) {
            case BOOLEAN: case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case REAL: case DOUBLE:
            case CLOB: case BLOB: case DATE: case UUID: case JSON:
                return CodeBlock.of("$T.$L", SQL_DATA_TYPE, t.kind().name());
            case DECIMAL:
                if (t.precision().isPresent()) {
                    return CodeBlock.of("$T.DECIMAL($L, $L)", SQL_DATA_TYPE, t.precision().getAsInt(), t.scale().orElse(0));
                }
                return CodeBlock.of("$T.DECIMAL", SQL_DATA_TYPE);
            case CHAR: case VARCHAR: case BINARY: case VARBINARY:
                if (t.length().isPresent()) {
                    return CodeBlock.of("$T.$L($L)", SQL_DATA_TYPE, t.kind().name(), t.length().getAsInt());
                }
                return CodeBlock.of("$T.$L", SQL_DATA_TYPE, t.kind().name());
            case TIME: case TIMESTAMP:
                return temporal(t, t.kind().name());
            case TIME_WITH_TIME_ZONE:
                return temporal(t, "TIMEWITHTIMEZONE");
            case TIMESTAMP_WITH_TIME_ZONE:
                return temporal(t, "TIMESTAMPWITHTIMEZONE");
            default:
                // jOOQ's open-source DDL has no portable spelling for native enums or unknown
                // types; a wrong guess would build a different schema on each database.
                throw new ConcertinaException(ErrorCode.CODEGEN, where + ": type " + t.describe() + " (" + t.raw()
                        + ") has no portable jOOQ SQLDataType; map the attribute to a portable type"
                        + (t.kind() == TypeKind.ENUM ? " (for example @Enumerated(STRING) with a VARCHAR column and a CHECK)" : "")
                        + " or ignore the column in the rules file");
        }
    }

    private static CodeBlock temporal(ColumnType t, String constant) {
        return t.precision().isPresent()
                ? CodeBlock.of("$T.$L($L)", SQL_DATA_TYPE, constant, t.precision().getAsInt())
                : CodeBlock.of("$T.$L", SQL_DATA_TYPE, constant);
    }

    /**
     * The full column definition: type, nullability, identity and default:
     * {@code SQLDataType.VARCHAR(200).nullable(false).defaultValue(DSL.inline("x", SQLDataType.VARCHAR(200)))}.
     */
    static CodeBlock column(Column c, String where) {
        CodeBlock type = type(c.type(), where);
        CodeBlock.Builder b = CodeBlock.builder().add("$L.nullable($L)", type, c.nullable());
        if (c.identity()) {
            b.add(".identity(true)");
        }
        c.defaultValue().ifPresent(d -> b.add(".defaultValue($L)", defaultValue(d, c.type(), type)));
        return b.build();
    }

    /** The type and nullability alone (for a column added as a copy, or a temporary column). */
    static CodeBlock bare(Column c, String where) {
        return CodeBlock.of("$L.nullable($L)", type(c.type(), where), c.nullable());
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
            return CodeBlock.of("$T.inline($S, $L)", DSL, s.substring(1, s.length() - 1).replace("''", "'"), type);
        }
        if (t.kind() == TypeKind.BOOLEAN && (lower.equals("true") || lower.equals("false") || lower.equals("1") || lower.equals("0"))) {
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
