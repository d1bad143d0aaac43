package dev.concertina.engine.normalize;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-dialect normalisation of type names, default expressions and check expressions into the
 * canonical forms of {@link dev.concertina.engine.model} — the one place where both readers (live
 * database and entity models) turn a dialect's text into comparable values. Both readers must call
 * these functions on every type, default and check they produce; that is what makes
 * "entities → DDL → database → read" compare equal to "entities → read".
 *
 * <p>Obtain one with {@link #forDialect(Dialect)}; instances are stateless and thread-safe. Rules
 * every dialect shares live here; each dialect's own rules live in its subclass
 * ({@link H2Normalizer}, {@link PostgresNormalizer}, {@link MariaDbNormalizer}), each documented with
 * the database behaviour it exists for.
 *
 * <h2>Types ({@link #type})</h2>
 * The text is the type as the dialect writes it in DDL or shows it in its catalog, with its facets:
 * {@code character varying(255)}, {@code numeric(10,2)}, {@code timestamp(6) with time zone},
 * {@code enum('A','B')}. Synonyms map to one {@link TypeKind}; display widths are dropped; an
 * undeclared fractional-second precision becomes the dialect's default (so {@code timestamp} and
 * {@code timestamp(6)} are equal on PostgreSQL, where 6 is the default); {@code decimal(p)} means
 * {@code decimal(p,0)} (SQL standard). Anything unknown is {@link TypeKind#UNSUPPORTED} with the raw
 * text kept.
 *
 * <h2>Defaults ({@link #defaultValue})</h2>
 * Parsed and printed canonically ({@link SqlExpression}): casts and redundant parentheses removed,
 * keywords in lower case; {@code NULL} means no default; {@code now()} and
 * {@code current_timestamp()} are {@code current_timestamp}; on BOOLEAN columns {@code 1}/{@code 0}
 * are {@code true}/{@code false}; numeric literals on numeric columns lose trailing zeros.
 *
 * <h2>Checks ({@link #check})</h2>
 * A leading {@code CHECK} and a trailing {@code NOT VALID} are dropped, then the expression is
 * printed canonically: PostgreSQL's {@code ((x)::text = ANY ((ARRAY['A'::character varying])::text[]))}
 * is {@code x in ('A')}, its {@code ((k >= 0) AND (k <= 2))} equals {@code k between 0 and 2}.
 *
 * <h2>Tables ({@link #table})</h2>
 * Rules that look at a column together with the table's constraints, applied last to every table
 * either reader produces: on PostgreSQL, an enumeration stored as a {@code varchar} with an
 * unnamed {@code check (c in ('A','B'))} is the column type ENUM, as it is natively on H2 and
 * MariaDB (see {@link PostgresNormalizer}).
 */
public abstract sealed class Normalizer permits H2Normalizer, PostgresNormalizer, MariaDbNormalizer {

    private final Dialect dialect;
    private final SqlStyle style;

    Normalizer(Dialect dialect, SqlStyle.Quoting quoting) {
        this.dialect = dialect;
        this.style = new SqlStyle(quoting, dialect.unquotedCase());
    }

    /** The normaliser of {@code dialect} (MySQL shares MariaDB's rules). */
    public static Normalizer forDialect(Dialect dialect) {
        switch (dialect) {
            case H2:
                return H2Normalizer.INSTANCE;
            case POSTGRES:
                return PostgresNormalizer.INSTANCE;
            case MARIADB:
                return MariaDbNormalizer.MARIADB;
            case MYSQL:
                return MariaDbNormalizer.MYSQL;
            default:
                throw new IllegalArgumentException(dialect.name());
        }
    }

    public final Dialect dialect() {
        return dialect;
    }

    // ------------------------------------------------------------------ types

    /**
     * The neutral type of a dialect type text, facets included ({@code varchar(100)},
     * {@code numeric(10,2)}, {@code timestamp(3) with time zone}, {@code enum('A','B')}).
     * {@link ColumnType#raw()} keeps {@code rawTypeName} as given.
     */
    public final ColumnType type(String rawTypeName) {
        TypeText t = TypeText.parse(rawTypeName);
        if (t.array()) {
            String element = rawTypeName.trim();
            while (element.endsWith("[]"))
                element = element.substring(0, element.length() - 2).trim();
            ColumnType e = type(element);
            // Arrays of arrays and arrays of unknown types stay UNSUPPORTED: one element kind is all the model holds.
            if (e.kind() == TypeKind.UNSUPPORTED || rawTypeName.trim().endsWith("[][]"))
                return ColumnType.unsupported(rawTypeName);
            return ColumnType.array(e, rawTypeName);
        }
        return dialectType(t, rawTypeName).orElseGet(() -> commonTypeOf(t, rawTypeName));
    }

    /**
     * The neutral type of a type name given with separate facets, as JDBC metadata and Hibernate's
     * column model give them ({@code varchar} with length 100; {@code numeric} with precision 10 and
     * scale 2). A facet is used only when the name carries none and the kind has that facet.
     */
    public final ColumnType type(String typeName, OptionalInt length, OptionalInt precision, OptionalInt scale) {
        if (typeName.contains("(")) return type(typeName);
        ColumnType bare = type(typeName);
        switch (bare.kind()) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return length.isPresent() ? type(withArgs(typeName, String.valueOf(length.getAsInt()))) : bare;
            case DECIMAL:
                if (precision.isPresent()) {
                    return type(withArgs(typeName, precision.getAsInt() + "," + scale.orElse(0)));
                }
                return bare;
            case TIME:
            case TIMESTAMP:
            case TIME_WITH_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return precision.isPresent() ? type(withArgs(typeName, String.valueOf(precision.getAsInt()))) : bare;
            default:
                return bare;
        }
    }

    /** {@code timestamp with time zone} + {@code 6} → {@code timestamp(6) with time zone}. */
    private static String withArgs(String typeName, String args) {
        String lower = typeName.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(" with time zone", " without time zone")) {
            if (lower.endsWith(suffix)) {
                return typeName.substring(0, typeName.length() - suffix.length()) + "(" + args + ")"
                        + typeName.substring(typeName.length() - suffix.length());
            }
        }
        return typeName + "(" + args + ")";
    }

    /** Dialect-specific names and facets; empty to fall back to the shared rules. */
    abstract Optional<ColumnType> dialectType(TypeText t, String raw);

    /** Fractional-second digits of TIME / TIMESTAMP when the type declares none. */
    abstract int defaultTimePrecision(TypeKind kind);

    /** The kind of a bare {@code float} (no precision): SQL standard says double; MariaDB says 4 bytes. */
    TypeKind bareFloatKind() {
        return TypeKind.DOUBLE;
    }

    /** The shared rules' type of {@code t}, for dialects that adjust it. */
    final ColumnType commonTypeOf(TypeText t, String raw) {
        return CommonTypes.of(t, raw, this);
    }

    final ColumnType temporal(TypeKind kind, TypeText t, String raw) {
        return ColumnType.temporal(kind, t.intArg(0).orElse(defaultTimePrecision(kind)), raw);
    }

    final ColumnType decimal(TypeText t, String raw) {
        OptionalInt p = t.intArg(0);
        if (p.isEmpty()) return decimalWithoutPrecision(raw);
        return ColumnType.decimal(p.getAsInt(), t.intArg(1).orElse(0), raw);
    }

    /** {@code numeric} with no precision: unconstrained where the dialect allows it. */
    ColumnType decimalWithoutPrecision(String raw) {
        return ColumnType.of(TypeKind.DECIMAL, raw);
    }

    static ColumnType sizedOrBare(TypeKind kind, TypeText t, String raw) {
        OptionalInt len = t.intArg(0);
        return len.isPresent() ? ColumnType.sized(kind, len.getAsInt(), raw) : ColumnType.of(kind, raw);
    }

    // ------------------------------------------------------------------ defaults

    /**
     * The canonical default expression of a column of type {@code type}, or empty when the text
     * means "no default" (null, blank or {@code NULL}).
     */
    public final Optional<String> defaultValue(String rawDefault, ColumnType type) {
        if (rawDefault == null || rawDefault.isBlank()) return Optional.empty();
        String c = SqlExpression.canonical(rawDefault.trim(), style);
        c = dialectDefault(c, type);
        switch (c) {
            case "null":
                return Optional.empty();
            // Niladic datetime functions: now() and current_timestamp() are current_timestamp in all three databases.
            case "now()":
            case "current_timestamp()":
                return Optional.of("current_timestamp");
            case "current_date()":
                return Optional.of("current_date");
            case "current_time()":
                return Optional.of("current_time");
            case "localtimestamp()":
                return Optional.of("localtimestamp");
            default:
                break;
        }
        if (type.kind() == TypeKind.BOOLEAN) {
            String unquoted = unquoteLiteral(c);
            if (unquoted.equals("1") || unquoted.equals("true")) return Optional.of("true");
            if (unquoted.equals("0") || unquoted.equals("false")) return Optional.of("false");
        }
        if (isNumeric(type.kind())) {
            String unquoted = unquoteLiteral(c);
            try {
                BigDecimal d = new BigDecimal(unquoted);
                return Optional.of(
                        d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            } catch (NumberFormatException notANumber) {
                // an expression: keep it
            }
        }
        return Optional.of(c);
    }

    /** Dialect rules applied to the canonical text before the shared ones. */
    String dialectDefault(String canonical, ColumnType type) {
        return canonical;
    }

    private static boolean isNumeric(TypeKind k) {
        switch (k) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DECIMAL:
            case REAL:
            case DOUBLE:
                return true;
            default:
                return false;
        }
    }

    private static String unquoteLiteral(String c) {
        if (c.length() >= 2 && c.startsWith("'") && c.endsWith("'"))
            return c.substring(1, c.length() - 1).replace("''", "'");
        return c;
    }

    // ------------------------------------------------------------------ checks

    /** The canonical text of a check constraint's expression (with or without a leading {@code CHECK}). */
    public final String check(String rawExpression) {
        String s = rawExpression.trim();
        if (s.regionMatches(true, 0, "check", 0, 5)
                && s.length() > 5
                && (s.charAt(5) == '(' || Character.isWhitespace(s.charAt(5)))) {
            s = s.substring(5).trim();
        }
        // PostgreSQL's pg_get_constraintdef appends NOT VALID to constraints not yet validated.
        if (s.toLowerCase(Locale.ROOT).endsWith(" not valid"))
            s = s.substring(0, s.length() - 10).trim();
        return dialectCheck(SqlExpression.canonical(s, style));
    }

    /**
     * The canonical text of any other expression the database prints (a partial index's WHERE, an
     * index key expression, a generated column's expression), casts and redundant parentheses removed.
     */
    public final String expression(String rawExpression) {
        return SqlExpression.canonical(rawExpression.trim(), style);
    }

    /** Dialect rules applied to a canonical check expression. */
    String dialectCheck(String canonical) {
        return canonical;
    }

    // ------------------------------------------------------------------ tables

    /**
     * {@code table} with the rules that span a column and the table's constraints applied (both
     * readers call this on every table they produce, after normalising its parts): a VARCHAR column
     * with exactly one unnamed {@code column in ('A', 'B')} check reads as ENUM with those values
     * sorted, the check folded into the type. PostgreSQL stores Hibernate's enums that way; H2 and
     * MariaDB store them natively but store a discriminator that way. Folding on every dialect
     * makes both spellings one model everywhere, so a class generated on one database builds, on
     * another, a schema that reads the same as that database's entity model.
     */
    public Table table(Table table) {
        Map<String, List<CheckConstraint>> byColumn = new HashMap<>();
        Map<String, List<String>> values = new HashMap<>();
        for (CheckConstraint ck : table.checks()) {
            if (!ck.name().isEmpty()) continue;
            for (Column c : table.columns()) {
                // VARCHAR only: Hibernate's enums are varchar; a char(1) Y/N converter column stays a CHAR with a
                // check, as everywhere.
                if (c.type().kind() != TypeKind.VARCHAR) continue;
                Optional<List<String>> in = inList(ck.expression(), c.name());
                if (in.isPresent()) {
                    byColumn.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(ck);
                    values.put(c.name(), in.get());
                }
            }
        }
        byColumn.values().removeIf(l -> l.size() != 1);
        if (byColumn.isEmpty()) return table;
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!byColumn.containsKey(c.name())) {
                columns.add(c);
                continue;
            }
            List<String> sorted = new ArrayList<>(values.get(c.name()));
            sorted.sort(null);
            columns.add(c.withType(
                    ColumnType.enumeration(sorted, c.type().length(), c.type().raw())));
        }
        List<CheckConstraint> checks = new ArrayList<>(table.checks());
        byColumn.values().forEach(l -> checks.remove(l.get(0)));
        return table.withColumns(columns).withChecks(checks);
    }

    /** The values of a canonical {@code column in ('A', 'B')} on exactly {@code column}, or empty. */
    private Optional<List<String>> inList(String expression, String column) {
        String prefix = identifier(column) + " in (";
        if (!expression.startsWith(prefix) || !expression.endsWith(")")) return Optional.empty();
        List<SqlTokens.Token> tokens =
                SqlTokens.tokenize(expression.substring(prefix.length(), expression.length() - 1), quoting());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (i % 2 == 0 ? t.kind() != SqlTokens.Kind.STRING : !t.is(",")) return Optional.empty();
            if (i % 2 == 0) out.add(t.text());
        }
        return out.isEmpty() || tokens.size() % 2 == 0 ? Optional.empty() : Optional.of(out);
    }

    /** The dialect's canonical spelling of a column name inside an expression ({@code status}, {@code "Status"}). */
    final String identifier(String stored) {
        return style.identifier(stored);
    }

    final SqlStyle.Quoting quoting() {
        return style.quoting();
    }
}
