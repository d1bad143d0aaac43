package dev.concertina.engine.normalize;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB (and MySQL) rules.
 *
 * <ul>
 *   <li>{@code BOOLEAN} is an alias MariaDB stores as {@code tinyint(1)}, and Hibernate's boolean
 *       mapping on MariaDB/MySQL is {@code bit} ({@code bit(1)}): both are BOOLEAN. Wider
 *       {@code bit(n)} is UNSUPPORTED.</li>
 *   <li>Integer display widths ({@code int(11)}, {@code bigint(20)}) change nothing and are dropped.
 *       {@code unsigned}/{@code zerofill} are modifiers of the signed type's kind
 *       ({@code int unsigned}: INTEGER with modifier {@code unsigned}), raw kept.</li>
 *   <li>A bare {@code float} is 4 bytes (REAL); {@code real} is a synonym of {@code double} unless
 *       the REAL_AS_FLOAT SQL mode is set.</li>
 *   <li>{@code decimal} without facets is {@code decimal(10,0)}.</li>
 *   <li>{@code timestamp} stores UTC and converts to and from the session time zone: it is
 *       TIMESTAMP_WITH_TIME_ZONE, unlike {@code datetime} (TIMESTAMP). Undeclared fractional seconds
 *       are 0.</li>
 *   <li>Defaults: MariaDB 10.2.7+ shows literal defaults quoted ({@code 'abc'}), {@code NULL} for a
 *       nullable column without default, {@code current_timestamp()} for CURRENT_TIMESTAMP, and
 *       {@code b'1'} for bit literals (the value as a number here).</li>
 *   <li>Expressions quote identifiers with back-quotes and may escape with backslashes.</li>
 * </ul>
 */
public final class MariaDbNormalizer extends Normalizer {

    static final MariaDbNormalizer MARIADB = new MariaDbNormalizer(Dialect.MARIADB);
    static final MariaDbNormalizer MYSQL = new MariaDbNormalizer(Dialect.MYSQL);

    private static final Pattern BIT_LITERAL = Pattern.compile("b '([01]+)'");

    private MariaDbNormalizer(Dialect dialect) {
        super(dialect, SqlStyle.Quoting.BACKTICK);
    }

    @Override
    Optional<ColumnType> dialectType(TypeText t, String raw) {
        java.util.List<String> mods =
                t.modifiers().stream().filter(m -> !m.equals("signed")).toList();
        if (!mods.isEmpty()) {
            // unsigned / zerofill: the signed type's kind with the attribute as a modifier (compared; kept when the
            // model is silent).
            TypeText signed = new TypeText(t.base(), t.args(), java.util.List.of(), t.array());
            ColumnType base = dialectType(signed, raw).orElseGet(() -> commonTypeOf(signed, raw));
            if (base.kind() == TypeKind.BOOLEAN) base = ColumnType.of(TypeKind.TINYINT, raw);
            if (base.kind() == TypeKind.UNSUPPORTED) return Optional.of(base);
            return Optional.of(base.withModifiers(mods));
        }
        switch (t.base()) {
            case "tinyint":
                return Optional.of(
                        ColumnType.of(t.intArg(0).orElse(4) == 1 ? TypeKind.BOOLEAN : TypeKind.TINYINT, raw));
            case "bit":
                return Optional.of(
                        t.intArg(0).orElse(1) == 1
                                ? ColumnType.of(TypeKind.BOOLEAN, raw)
                                : ColumnType.unsupported(raw));
            case "real":
                return Optional.of(ColumnType.of(TypeKind.DOUBLE, raw));
            case "timestamp":
                return Optional.of(temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, t, raw));
            default:
                return Optional.empty();
        }
    }

    @Override
    TypeKind bareFloatKind() {
        return TypeKind.REAL;
    }

    @Override
    ColumnType decimalWithoutPrecision(String raw) {
        return ColumnType.decimal(10, 0, raw);
    }

    @Override
    int defaultTimePrecision(TypeKind kind) {
        return 0;
    }

    @Override
    String dialectDefault(String canonical, ColumnType type) {
        Matcher m = BIT_LITERAL.matcher(canonical);
        if (m.matches()) return Long.toString(Long.parseLong(m.group(1), 2));
        return canonical;
    }
}
