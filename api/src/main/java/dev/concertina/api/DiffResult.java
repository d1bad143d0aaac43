package dev.concertina.api;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Concertina#diff()} found: the changes that turn the database into the entities'
 * schema, placed in expand and contract, and the warnings met on the way.
 *
 * @param changes  the differences, in run order
 * @param plan     the changes in their phases; {@link Plan#possibleRenames()} may still be open
 * @param warnings one line each (stale rules, then the plan's warnings), each already given to the
 *                 configured {@link dev.concertina.runtime.MigrationListener#warning listener}
 * @param dialect  the database's dialect
 */
public record DiffResult(List<Change> changes, Plan plan, List<String> warnings, Dialect dialect) {

    /** {@code diff}'s exit code when there are differences (also {@code check}'s for drift). */
    public static final int DIFFERENCES = 6;

    public DiffResult {
        changes = List.copyOf(changes);
        Objects.requireNonNull(plan, "plan");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(dialect, "dialect");
    }

    /** True when the entities and the database agree. */
    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /** False while a possible rename waits for a decision (then no migration may be written). */
    public boolean decided() {
        return plan.possibleRenames().isEmpty();
    }

    /**
     * The exit code of {@code concertina diff}: 0 nothing to do (in {@code phase}, when given),
     * {@value #DIFFERENCES} differences. An undecided rename is an error (1), which
     * {@link Plan#requireDecided()} throws.
     */
    public int exitCode(Optional<Branch> phase) {
        boolean nothing = phase.map(p -> plan.steps(p).isEmpty()).orElse(plan.isEmpty());
        return nothing ? 0 : DIFFERENCES;
    }

    /** {@link #exitCode(Optional)} over both phases. */
    public int exitCode() {
        return exitCode(Optional.empty());
    }
}
