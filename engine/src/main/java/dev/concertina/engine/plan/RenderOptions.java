package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rendering of a plan shows: which phases ({@code concertina diff --phase expand}) and, when
 * the target database is known, only the hazards that apply on its dialect.
 */
public record RenderOptions(Set<Branch> phases, Optional<Dialect> dialect) {

    /** Both phases, hazards of every dialect. */
    public static final RenderOptions ALL = new RenderOptions(EnumSet.allOf(Branch.class), Optional.empty());

    public RenderOptions {
        phases = Set.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("no phase to render");
        }
        Objects.requireNonNull(dialect, "dialect");
    }

    public RenderOptions onlyPhase(Branch phase) {
        return new RenderOptions(EnumSet.of(phase), dialect);
    }

    public RenderOptions forDialect(Dialect d) {
        return new RenderOptions(phases, Optional.of(d));
    }

    /** The phases to show, in run order. */
    List<Branch> shown() {
        return EnumSet.copyOf(phases).stream().toList();
    }

    /** The hazards of a change in a phase that apply to the chosen dialect. */
    List<Hazard> hazards(PlannedChange p, Branch phase) {
        return p.hazards(phase).stream()
                .filter(h -> dialect.map(h::appliesTo).orElse(true))
                .toList();
    }

    /** The dialect suffix of a hazard: none when a dialect is chosen or it applies everywhere. */
    String describe(Hazard h) {
        return dialect.isPresent() ? new Hazard(h.code(), h.phase(), h.detail(), Hazard.ALL).describe() : h.describe();
    }
}
