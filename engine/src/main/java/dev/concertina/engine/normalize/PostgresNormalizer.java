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
 *       discriminator column has one): that one reads as ENUM too — on every dialect, since the
 *       fold lives in {@link Normalizer#table}, so both spellings are one model everywhere.</li>
 *   <li>{@code jsonb} is JSONB, not JSON: it keeps neither key order nor duplicate keys.</li>
 *   <li>Arrays ({@code integer[]}, {@code character varying(30)[]}) are ARRAY with the element's
 *       kind and facets; arrays of arrays stay UNSUPPORTED.</li>
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
        super(Dialect.POSTGRES, SqlStyle.Quoting.DOUBLE_QUOTE);
    }

    @Override
    Optional<ColumnType> dialectType(TypeText t, String raw) {
        switch (t.base()) {
            case "serial":
            case "serial4":
                return Optional.of(ColumnType.of(TypeKind.INTEGER, raw));
            case "bigserial":
            case "serial8":
                return Optional.of(ColumnType.of(TypeKind.BIGINT, raw));
            case "smallserial":
            case "serial2":
                return Optional.of(ColumnType.of(TypeKind.SMALLINT, raw));
            case "oid":
                return Optional.of(ColumnType.largeObject(Optional.empty(), raw));
            case "jsonb":
                return Optional.of(ColumnType.of(TypeKind.JSONB, raw));
            default:
                return Optional.empty();
        }
    }

    @Override
    int defaultTimePrecision(TypeKind kind) {
        return 6;
    }
}
