package dev.concertina.api;

import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Branch;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Concertina#revision} wrote.
 *
 * @param files    the migration classes written, each with its branch and revision id; empty when
 *                 the entities and the database agreed
 * @param plan     the plan they carry out (empty for a revision written by hand)
 * @param summary  one line per phase with its changes and hazards, then one per change, as the CLI prints them
 * @param warnings one line each, each already given to the configured listener
 */
public record RevisionResult(List<Written> files, Plan plan, List<String> summary, List<String> warnings) {

    /** One migration class written: where, which branch, which revision and its parent (or {@code base}). */
    public record Written(Path file, Branch branch, String revision, String parent) {
        public Written {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(parent, "parent");
        }
    }

    public RevisionResult {
        files = List.copyOf(files);
        Objects.requireNonNull(plan, "plan");
        summary = List.copyOf(summary);
        warnings = List.copyOf(warnings);
    }

    /** True when nothing was written (the entities and the database agree). */
    public boolean isEmpty() {
        return files.isEmpty();
    }
}
