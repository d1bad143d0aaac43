package dev.concertina.engine.normalize;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import java.util.OptionalInt;

/**
 * The type names the dialects share, and their synonyms ({@code int4}, {@code character varying},
 * {@code timestamptz}), as neutral types. A dialect's own names come first ({@link
 * Normalizer#dialectType}); what none knows is {@link TypeKind#UNSUPPORTED} with the raw text kept.
 */
final class CommonTypes {

    private CommonTypes() {}

    /** The type every dialect means by {@code t}'s name; {@code rules} give the dialect's defaults. */
    static ColumnType of(TypeText t, String raw, Normalizer rules) {
        String b = t.base();
        switch (b) {
            case "boolean":
            case "bool":
                return ColumnType.of(TypeKind.BOOLEAN, raw);
            case "tinyint":
                return ColumnType.of(TypeKind.TINYINT, raw);
            case "smallint":
            case "int2":
                return ColumnType.of(TypeKind.SMALLINT, raw);
            case "integer":
            case "int":
            case "int4":
                return ColumnType.of(TypeKind.INTEGER, raw);
            case "bigint":
            case "int8":
                return ColumnType.of(TypeKind.BIGINT, raw);
            case "decimal":
            case "numeric":
            case "dec":
                return rules.decimal(t, raw);
            case "real":
            case "float4":
                return ColumnType.of(TypeKind.REAL, raw);
            case "double precision":
            case "double":
            case "float8":
                return ColumnType.of(TypeKind.DOUBLE, raw);
            case "float": {
                // FLOAT(p): binary digits of precision; up to 24 fits a 4-byte float (SQL standard, all three
                // databases).
                OptionalInt p = t.intArg(0);
                TypeKind k = p.isEmpty() ? rules.bareFloatKind() : p.getAsInt() <= 24 ? TypeKind.REAL : TypeKind.DOUBLE;
                return ColumnType.of(k, raw);
            }
            case "char":
            case "character":
            case "nchar":
            case "national character":
            case "bpchar":
                return ColumnType.sized(TypeKind.CHAR, t.intArg(0).orElse(1), raw);
            case "varchar":
            case "character varying":
            case "nvarchar":
            case "national character varying":
            case "varchar2":
                return Normalizer.sizedOrBare(TypeKind.VARCHAR, t, raw);
            case "text":
            case "clob":
            case "character large object":
            case "nclob":
            case "tinytext":
            case "mediumtext":
            case "longtext":
                return ColumnType.of(TypeKind.CLOB, raw);
            case "binary":
                return ColumnType.sized(TypeKind.BINARY, t.intArg(0).orElse(1), raw);
            case "varbinary":
            case "binary varying":
                return Normalizer.sizedOrBare(TypeKind.VARBINARY, t, raw);
            case "blob":
            case "binary large object":
            case "bytea":
            case "tinyblob":
            case "mediumblob":
            case "longblob":
                return ColumnType.of(TypeKind.BLOB, raw);
            case "date":
                return ColumnType.of(TypeKind.DATE, raw);
            case "time":
            case "time without time zone":
                return rules.temporal(TypeKind.TIME, t, raw);
            case "time with time zone":
            case "timetz":
                return rules.temporal(TypeKind.TIME_WITH_TIME_ZONE, t, raw);
            case "timestamp":
            case "timestamp without time zone":
            case "datetime":
                return rules.temporal(TypeKind.TIMESTAMP, t, raw);
            case "timestamp with time zone":
            case "timestamptz":
                return rules.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, t, raw);
            case "uuid":
                return ColumnType.of(TypeKind.UUID, raw);
            case "json":
                return ColumnType.of(TypeKind.JSON, raw);
            case "enum":
                return ColumnType.enumeration(t.stringArgs(), raw);
            default:
                return ColumnType.unsupported(raw);
        }
    }
}
