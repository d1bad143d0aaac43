package dev.concertina.engine.normalize;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.Optional;

/**
 * PostgreSQL rules.
 *
 * <ul>
 *   <li>Internal type names ({@code int4}, {@code int8}, {@code bpchar}, {@code float8},
 *       {@code timestamptz}) are synonyms of the standard ones (shared table).</li>
 *   <li>{@code serial}, {@code bigserial}, {@code smallserial} are integer columns with a sequence
 *       default; the type is the integer, identity is the live reader's business.</li>
 *   <li>{@code oid} is a large-object reference: Hibernate maps {@code @Lob byte[]}/{@code String}
 *       to it, so it is BLOB.</li>
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
            case "oid": return Optional.of(ColumnType.of(TypeKind.BLOB, raw));
            case "jsonb": return Optional.of(ColumnType.of(TypeKind.JSON, raw));
            default: return Optional.empty();
        }
    }

    @Override
    int defaultTimePrecision(TypeKind kind) {
        return 6;
    }
}
