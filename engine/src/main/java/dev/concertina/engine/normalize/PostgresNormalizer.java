package dev.concertina.engine.normalize;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL rules.
 *
 * <ul>
 *   <li>Internal type names ({@code int4}, {@code int8}, {@code bpchar}, {@code float8},
 *       {@code timestamptz}) are synonyms of the standard ones (shared table).</li>
 *   <li>{@code serial}, {@code bigserial}, {@code smallserial} are integer columns with a sequence
 *       default; the type is the integer, identity is the live reader's business.</li>
 *   <li>{@code oid} is a large-object reference (LARGE_OBJECT): Hibernate maps {@code @Lob byte[]}
 *       and {@code @Lob String} to it. It is not BLOB ({@code bytea}, bytes kept in the row).</li>
 *   <li>An enumeration: Hibernate maps {@code @Enumerated(STRING)} to {@code varchar(n)} with an
 *       unnamed column check {@code c in ('A','B')} (the database names it
 *       {@code <table>_<column>_check}), where H2 and MariaDB get a native {@code enum}. A
 *       {@code varchar} column with exactly one unnamed check of that shape on it
 *       (string literals only) is read as ENUM with those values sorted (an IN list is a set;
 *       Hibernate sorts a native enum's values the same way) and the varchar's length kept as
 *       storage; the check is folded into the type. A named check stays a check: its name matters.
 *       The database cannot tell an enum from another varchar with such a check (Hibernate's
 *       discriminator column has one): that one reads as ENUM on PostgreSQL too.</li>
 *   <li>{@code jsonb} is JSON (the model has one JSON kind).</li>
 *   <li>Undeclared fractional seconds default to 6 for TIME and TIMESTAMP, with or without zone, so
 *       {@code timestamp} equals {@code timestamp(6)}.</li>
 *   <li>Expressions come back from {@code pg_get_expr} with casts and extra parentheses
 *       ({@code 'x'::character varying}, {@code (0)::numeric}) and IN lists rewritten as
 *       {@code = ANY (ARRAY[…])}; the canonical printer removes all of it.</li>
 * </ul>
 */
public final class PostgresNormalizer extends Normalizer {

    static final PostgresNormalizer INSTANCE = new PostgresNormalizer();

    private PostgresNormalizer() {
        super(Dialect.POSTGRES, SqlExpression.Quoting.DOUBLE_QUOTE);
    }

    @Override
    Optional<ColumnType> dialectType(TypeText t, String raw) {
        switch (t.base()) {
            case "serial": case "serial4": return Optional.of(ColumnType.of(TypeKind.INTEGER, raw));
            case "bigserial": case "serial8": return Optional.of(ColumnType.of(TypeKind.BIGINT, raw));
            case "smallserial": case "serial2": return Optional.of(ColumnType.of(TypeKind.SMALLINT, raw));
            case "oid": return Optional.of(ColumnType.largeObject(Optional.empty(), raw));
            case "jsonb": return Optional.of(ColumnType.of(TypeKind.JSON, raw));
            default: return Optional.empty();
        }
    }

    @Override
    int defaultTimePrecision(TypeKind kind) {
        return 6;
    }

    @Override
    public Table table(Table table) {
        Map<String, List<CheckConstraint>> byColumn = new HashMap<>();
        Map<String, List<String>> values = new HashMap<>();
        for (CheckConstraint ck : table.checks()) {
            if (!ck.name().isEmpty()) continue;
            for (Column c : table.columns()) {
                // VARCHAR only: Hibernate's enums are varchar; a char(1) Y/N converter column stays a CHAR with a check, as everywhere.
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
            columns.add(c.withType(ColumnType.enumeration(sorted, c.type().length(), c.type().raw())));
        }
        List<CheckConstraint> checks = new ArrayList<>(table.checks());
        byColumn.values().forEach(l -> checks.remove(l.get(0)));
        return table.withColumns(columns).withChecks(checks);
    }

    /** The values of a canonical {@code column in ('A', 'B')} on exactly {@code column}, or empty. */
    private Optional<List<String>> inList(String expression, String column) {
        String prefix = identifier(column) + " in (";
        if (!expression.startsWith(prefix) || !expression.endsWith(")")) return Optional.empty();
        List<SqlExpression.Token> tokens = SqlExpression.tokenize(expression.substring(prefix.length(), expression.length() - 1), quoting());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlExpression.Token t = tokens.get(i);
            if (i % 2 == 0 ? t.kind() != SqlExpression.Kind.STRING : !t.is(",")) return Optional.empty();
            if (i % 2 == 0) out.add(t.text());
        }
        return out.isEmpty() || tokens.size() % 2 == 0 ? Optional.empty() : Optional.of(out);
    }
}
