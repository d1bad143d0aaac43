package dev.concertina.engine.normalize;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.Optional;

/**
 * H2 2.x rules.
 *
 * <ul>
 *   <li>H2's catalog spells types out in SQL-standard words ({@code CHARACTER VARYING},
 *       {@code CHARACTER LARGE OBJECT}, {@code BINARY VARYING}, {@code DOUBLE PRECISION},
 *       {@code TIMESTAMP WITH TIME ZONE}); the shared synonyms cover them.</li>
 *   <li>Undeclared fractional seconds: H2 defaults TIME to 0 digits and TIMESTAMP to 6.</li>
 *   <li>{@code VARCHAR_IGNORECASE(n)} compares case-insensitively: VARCHAR of length n with the
 *       modifier {@code ignorecase}, so it differs from a plain VARCHAR and keeps its length.</li>
 *   <li>Expressions quote identifiers with {@code "…"} and upper-case them
 *       ({@code "STATUS" IN('A', 'B')}); the canonical printer handles both.</li>
 * </ul>
 */
public final class H2Normalizer extends Normalizer {

    static final H2Normalizer INSTANCE = new H2Normalizer();

    private H2Normalizer() {
        super(Dialect.H2, SqlStyle.Quoting.DOUBLE_QUOTE);
    }

    @Override
    Optional<ColumnType> dialectType(TypeText t, String raw) {
        if (t.base().equals("varchar_ignorecase")) {
            return Optional.of(sizedOrBare(TypeKind.VARCHAR, t, raw).withModifier(ColumnType.IGNORECASE));
        }
        return Optional.empty();
    }

    @Override
    int defaultTimePrecision(TypeKind kind) {
        return kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_WITH_TIME_ZONE ? 6 : 0;
    }
}
