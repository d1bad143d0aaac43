package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hazard of one change in one phase.
 *
 * @param code     the stable code
 * @param phase    the phase whose steps carry the hazard
 * @param detail   why, in a few words ({@code "INTEGER -> BIGINT"}); may be empty
 * @param dialects the dialects it applies to; all of them when the set is {@link #ALL}
 */
public record Hazard(HazardCode code, Branch phase, String detail, Set<Dialect> dialects) {

    /** Every dialect. */
    public static final Set<Dialect> ALL = Set.copyOf(EnumSet.allOf(Dialect.class));

    public Hazard {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(detail, "detail");
        dialects = Set.copyOf(dialects);
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("hazard " + code + ": no dialect");
        }
    }

    public static Hazard of(HazardCode code, Branch phase, String detail) {
        return new Hazard(code, phase, detail, ALL);
    }

    public static Hazard on(HazardCode code, Branch phase, String detail, Dialect... dialects) {
        return new Hazard(code, phase, detail, EnumSet.of(dialects[0], dialects));
    }

    /** True when it applies on {@code dialect}. */
    public boolean appliesTo(Dialect dialect) {
        return dialects.contains(dialect);
    }

    /** True when it applies on every dialect. */
    public boolean everywhere() {
        return dialects.containsAll(ALL);
    }

    /** {@code TABLE_REWRITE (postgres, mariadb, mysql): INTEGER -> BIGINT}. */
    public String describe() {
        String on = everywhere()
                ? ""
                : EnumSet.copyOf(dialects).stream().map(Dialect::label).collect(Collectors.joining(", ", " (", ")"));
        return code.name() + on + (detail.isEmpty() ? "" : ": " + detail);
    }
}
