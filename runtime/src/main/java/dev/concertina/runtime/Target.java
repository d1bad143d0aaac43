package dev.concertina.runtime;

import java.util.List;
import java.util.Optional;

/** Where a revision argument points ({@link MigrationGraph#target(String)}). */
public sealed interface Target {

    /** Before the first revision: of one branch ({@code expand@base}), or of both ({@code base}). */
    record Base(Optional<Branch> branch) implements Target {}

    /** The code's last revision: of one branch ({@code contract@head}), or of both ({@code head}). */
    record Head(Optional<Branch> branch) implements Target {}

    /** Named revisions: one id or prefix, or a milestone (at most one revision per branch). */
    record Revisions(List<ResolvedMigration> revisions) implements Target {
        public Revisions {
            revisions = List.copyOf(revisions);
        }
    }

    /** {@code +N} or {@code -N}: that many steps from where the database is. */
    record Relative(int steps) implements Target {}
}
