package dev.concertina.engine.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnDetails;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.normalize.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One TABLE_COLUMNS row as a model column: type (with its modifiers, a PostgreSQL domain or enum
 * type), nullability, default, identity and the {@link ColumnDetails} each dialect's query supplies
 * (identity kind, generated expression, collation, MariaDB's ON UPDATE).
 */
final class LiveColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveColumns() {}

    static Column column(Map<String, String> c, Normalizer n) {
        // TYPE_NAME of our catalog SQL is the declared type with its facets (format_type, COLUMN_TYPE).
        String raw = c.get("TYPE_NAME");
        ColumnType type = n.type(raw, intAttr(c, "CC_LENGTH"), intAttr(c, "CC_PRECISION"), intAttr(c, "CC_SCALE"));
        String domain = c.get("CC_DOMAIN");
        if (domain != null) type = type.withModifier("domain " + domain).withRaw(domain);
        String enumLabels = c.get("CC_ENUM");
        // A PostgreSQL enum type: its labels, and its name as a modifier (compared where the entities name one).
        if (enumLabels != null)
            type = ColumnType.enumeration(labels(enumLabels), raw).withModifier("enum type " + c.get("CC_ENUM_TYPE"));

        String id = c.get("CC_IDENTITY");
        boolean identity = "YES".equalsIgnoreCase(id) || "TRUE".equalsIgnoreCase(id);
        String extra = Optional.ofNullable(c.get("CC_EXTRA")).orElse("").toLowerCase(Locale.ROOT);
        Optional<String> generated = generated(c, n, extra);
        // An identity / serial column's generator is its identity, not a default (PostgreSQL shows
        // serial as nextval(…)); a PostgreSQL generated column's expression comes as its default.
        Optional<String> def =
                identity || generated.isPresent() ? Optional.empty() : n.defaultValue(c.get("COLUMN_DEF"), type);
        boolean nullable = CatalogRows.integer(c, "NULLABLE", java.sql.DatabaseMetaData.columnNullableUnknown)
                == java.sql.DatabaseMetaData.columnNullable;
        ColumnDetails details = ColumnDetails.NONE
                .withIdentityGeneration(identityKind(c.get("CC_IDENTITY_KIND")))
                .withGenerated(generated, generated.isPresent() && !extra.contains("virtual"))
                .withCollation(Optional.ofNullable(c.get("CC_COLLATION")))
                .withOnUpdate(onUpdate(extra, type, n));
        return new Column(
                c.get("COLUMN_NAME"), type, nullable, def, identity, text(c.get("REMARKS")), Origin.DATABASE, details);
    }

    /** PostgreSQL CC_GENERATED 's' (expression in COLUMN_DEF); MariaDB / H2 CC_GENERATION. */
    private static Optional<String> generated(Map<String, String> c, Normalizer n, String extra) {
        if ("s".equals(c.get("CC_GENERATED")) && c.get("COLUMN_DEF") != null)
            return Optional.of(n.expression(c.get("COLUMN_DEF")));
        String g = c.get("CC_GENERATION");
        boolean mariaDb = c.containsKey("CC_EXTRA");
        if (g == null || g.isBlank() || (mariaDb && !extra.contains("generated"))) return Optional.empty();
        return Optional.of(n.expression(g));
    }

    private static Optional<String> identityKind(String k) {
        if (k == null) return Optional.empty();
        switch (k.toUpperCase(Locale.ROOT)) {
            case "A":
            case "ALWAYS":
                return Optional.of("ALWAYS");
            case "D":
            case "BY DEFAULT":
                return Optional.of("BY DEFAULT");
            default:
                return Optional.empty();
        }
    }

    /** MariaDB's EXTRA {@code on update current_timestamp(6)}: the expression, canonical as a default. */
    private static Optional<String> onUpdate(String extra, ColumnType type, Normalizer n) {
        int at = extra.indexOf("on update ");
        if (at < 0) return Optional.empty();
        String rest = extra.substring(at + "on update ".length()).trim();
        int end = rest.indexOf(')');
        String expression = end >= 0 ? rest.substring(0, end + 1) : rest.split("\\s+")[0];
        return n.defaultValue(expression, type);
    }

    /** The labels of a PostgreSQL enum type, given as a JSON array. */
    private static List<String> labels(String json) {
        try {
            return Arrays.asList(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("enum labels " + json + ": " + e.getOriginalMessage());
        }
    }

    static OptionalInt intAttr(Map<String, String> c, String key) {
        String v = c.get(key);
        if (v == null) return OptionalInt.empty();
        try {
            return OptionalInt.of(new java.math.BigDecimal(v.trim()).intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalInt.empty();
        }
    }

    static Optional<String> text(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
