package dev.concertina.runtime;

import dev.concertina.runtime.internal.VersionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Where the database stands, as read from its version tables, against the code's migration graph. */
final class VersionState {
    private final MigrationGraph graph;
    private final Dialect dialect;
    private final boolean underVersionControl;
    private final Map<Branch, String> heads;
    private final List<String> unknown;
    private final Optional<FailedAttempt> failed;
    private final List<HistoryEntry> history;

    private VersionState(
            MigrationGraph graph,
            Dialect dialect,
            boolean underVersionControl,
            Map<Branch, String> heads,
            List<String> unknown,
            Optional<FailedAttempt> failed,
            List<HistoryEntry> history) {
        this.graph = graph;
        this.dialect = dialect;
        this.underVersionControl = underVersionControl;
        this.heads = heads;
        this.unknown = unknown;
        this.failed = failed;
        this.history = history;
    }

    /**
     * Reads the version tables. Without the lock, a {@code started} attempt may belong to a runner
     * that is still at work: it only counts as needing repair when nobody holds the lock.
     */
    static VersionState read(
            VersionStore store,
            MigrationGraph graph,
            Dialect dialect,
            boolean underLock,
            BooleanSupplier anotherRunnerHoldsTheLock) {
        if (!store.exists()) {
            return new VersionState(graph, dialect, false, Map.of(), List.of(), Optional.empty(), List.of());
        }
        Map<Branch, String> heads = store.heads();
        List<HistoryEntry> history = store.history();
        List<String> unknown = new ArrayList<>();
        heads.forEach((b, r) -> {
            if (graph.get(r).filter(m -> m.branch() == b).isEmpty()) {
                unknown.add(b.label() + " revision " + r);
            }
        });
        Optional<FailedAttempt> failed = history.stream()
                .filter(h -> h.outcome().needsRepair())
                .findFirst()
                .map(h -> new FailedAttempt(
                        h.revision(),
                        h.branch(),
                        h.direction(),
                        graph.get(h.revision()).map(ResolvedMigration::message).orElse(""),
                        h.outcome(),
                        h.appliedAt(),
                        h.appliedBy(),
                        h.error()));
        if (!underLock
                && failed.filter(f -> f.outcome() == Outcome.STARTED).isPresent()
                && anotherRunnerHoldsTheLock.getAsBoolean()) {
            failed = Optional.empty();
        }
        return new VersionState(graph, dialect, true, heads, unknown, failed, history);
    }

    Optional<String> head(Branch b) {
        return Optional.ofNullable(heads.get(b));
    }

    List<String> unknown() {
        return unknown;
    }

    Optional<FailedAttempt> failed() {
        return failed;
    }

    List<HistoryEntry> history() {
        return history;
    }

    /** Index of the applied head in the branch's chain; -1 at base (or unknown). */
    int position(Branch b) {
        return head(b).flatMap(graph::get).map(graph::position).orElse(-1);
    }

    List<ResolvedMigration> pending(Branch b) {
        List<ResolvedMigration> chain = graph.chain(b);
        if (head(b).isPresent() && graph.get(head(b).get()).isEmpty()) {
            return List.of();
        }
        return chain.subList(position(b) + 1, chain.size());
    }

    List<ResolvedMigration> applied(Branch b) {
        return graph.chain(b).subList(0, position(b) + 1);
    }

    Status status() {
        List<ChecksumMismatch> mismatches = new ArrayList<>();
        for (Branch b : Branch.values()) {
            for (ResolvedMigration m : applied(b)) {
                history.stream()
                        .filter(h -> h.revision().equals(m.id())
                                && h.success()
                                && h.direction() != Direction.DOWNGRADE
                                && h.checksum().isPresent())
                        .findFirst()
                        .ifPresent(h -> {
                            String now = m.checksum(dialect);
                            if (!now.equals(h.checksum().get())) {
                                mismatches.add(new ChecksumMismatch(
                                        m.id(), b, m.message(), h.checksum().get(), now));
                            }
                        });
            }
        }
        return new Status(
                underVersionControl,
                branchStatus(Branch.EXPAND),
                branchStatus(Branch.CONTRACT),
                unknown,
                mismatches,
                failed);
    }

    private BranchStatus branchStatus(Branch b) {
        return new BranchStatus(b, head(b), graph.head(b).map(ResolvedMigration::id), pending(b));
    }
}
