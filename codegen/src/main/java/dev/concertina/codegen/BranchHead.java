package dev.concertina.codegen;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.MigrationGraph;
import dev.concertina.runtime.ResolvedMigration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a branch of the migration graph stands before a new revision is written.
 *
 * @param revision the id of the branch's head; empty when the branch has no revision yet
 * @param length   how many revisions the branch has (the new class is numbered {@code length + 1})
 */
public record BranchHead(Optional<String> revision, int length) {

    public BranchHead {
        Objects.requireNonNull(revision, "revision");
        if (length < 0 || (length == 0) != revision.isEmpty()) {
            throw new IllegalArgumentException("branch head " + revision + " with " + length + " revisions");
        }
    }

    /** A branch without revisions. */
    public static BranchHead empty() {
        return new BranchHead(Optional.empty(), 0);
    }

    /** A branch whose head is {@code revision}, with {@code length} revisions in all. */
    public static BranchHead of(String revision, int length) {
        return new BranchHead(Optional.of(revision), length);
    }

    /** Where {@code branch} of the migrations an application has stands (its head and length). */
    public static BranchHead of(MigrationGraph graph, Branch branch) {
        return new BranchHead(
                graph.head(branch).map(ResolvedMigration::id),
                graph.chain(branch).size());
    }
}
