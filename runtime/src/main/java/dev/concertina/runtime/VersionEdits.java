package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.StepJournal;
import dev.concertina.runtime.internal.StepRecorder;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Migrator} commands that edit the version tables without running a migration: goto,
 * version control, repair and accepting checksums. Each runs under the migration lock the
 * {@code Migrator} holds; {@code state} reads the version tables under it.
 */
final class VersionEdits {

    private final MigratorConfig config;
    private final Dialect dialect;
    private final DialectSupport support;
    private final MigrationGraph graph;
    private final Connection connection;
    private final VersionStore store;
    private final StepJournal journal;
    private final RevisionRunner runner;

    VersionEdits(
            MigratorConfig config,
            Dialect dialect,
            DialectSupport support,
            MigrationGraph graph,
            Connection connection,
            VersionStore store,
            StepJournal journal,
            RevisionRunner runner) {
        this.config = config;
        this.dialect = dialect;
        this.support = support;
        this.graph = graph;
        this.connection = connection;
        this.store = store;
        this.journal = journal;
        this.runner = runner;
    }

    /** The head of each branch that {@code revision} names; refused for a step count. Reads only the graph. */
    Map<Branch, Optional<ResolvedMigration>> heads(String revision) {
        Target t = graph.target(revision);
        Map<Branch, Optional<ResolvedMigration>> to = new EnumMap<>(Branch.class);
        if (t instanceof Target.Relative) {
            throw new ConcertinaException(
                    ErrorCode.REFUSED, "goto needs a revision, base or head, not a step count: " + revision.trim());
        } else if (t instanceof Target.Base b) {
            for (Branch br : Branch.values()) {
                if (b.branch().isEmpty() || b.branch().get() == br) {
                    to.put(br, Optional.empty());
                }
            }
        } else if (t instanceof Target.Head h) {
            for (Branch br : Branch.values()) {
                if (h.branch().isEmpty() || h.branch().get() == br) {
                    to.put(br, graph.head(br));
                }
            }
        } else if (t instanceof Target.Revisions rs) {
            rs.revisions().forEach(m -> to.put(m.branch(), Optional.of(m)));
        }
        return to;
    }

    /** Sets each branch's head to {@code to} and records it, running nothing. */
    void goTo(Map<Branch, Optional<ResolvedMigration>> to) {
        store.create();
        runner.inTransaction(() -> {
            for (Map.Entry<Branch, Optional<ResolvedMigration>> e : to.entrySet()) {
                store.setHead(e.getKey(), e.getValue().map(ResolvedMigration::id));
                e.getValue()
                        .ifPresent(m -> store.insert(
                                m.id(),
                                m.branch(),
                                Direction.GOTO,
                                Optional.of(m.checksum(dialect)),
                                Instant.now(),
                                config.appliedBy(),
                                Duration.ZERO,
                                Outcome.SUCCEEDED,
                                Optional.empty()));
            }
        });
    }

    /** Creates the version tables; refused when they already exist. */
    void versionControl(Supplier<VersionState> state) {
        if (store.exists()) {
            VersionState s = state.get();
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    "the database is already under version control (expand at "
                            + s.head(Branch.EXPAND).orElse("base") + ", contract at "
                            + s.head(Branch.CONTRACT).orElse("base") + ")");
        }
        store.create();
    }

    /** See {@link Migrator#repair(List)}. */
    RepairResult repair(List<ResolvedMigration> accept, Supplier<VersionState> state) {
        MigrationListener listener = config.listener();
        if (!store.exists()) {
            listener.warning("nothing to repair: the database is not under version control");
            return new RepairResult(Optional.empty(), List.of(), List.of());
        }
        store.create();
        journal.create();
        VersionState s = state.get();
        List<ChecksumMismatch> accepted = acceptChecksums(s, accept);
        if (s.failed().isEmpty()) {
            if (accept.isEmpty()) {
                listener.warning("nothing to repair: no failed or unfinished attempt is recorded");
            }
            return new RepairResult(Optional.empty(), List.of(), accepted);
        }
        FailedAttempt f = s.failed().get();
        StepRecorder steps = new StepRecorder(connection, dialect, support, journal, f.revision(), f.direction());
        List<String> completed = steps.resume().stream()
                .map(e -> e.state() == StepJournal.State.DONE
                        ? e.description()
                        : e.description() + " (started; it may have partly taken effect)")
                .toList();
        runner.inTransaction(() -> {
            journal.clear(f.revision(), f.direction());
            store.markRepaired();
        });
        return new RepairResult(Optional.of(f), completed, accepted);
    }

    private List<ChecksumMismatch> acceptChecksums(VersionState s, List<ResolvedMigration> accept) {
        List<ChecksumMismatch> mismatches = s.status().checksumMismatches();
        List<ChecksumMismatch> accepted = new ArrayList<>();
        for (ResolvedMigration m : accept) {
            ChecksumMismatch mismatch = mismatches.stream()
                    .filter(x -> x.revision().equals(m.id()))
                    .findFirst()
                    .orElseThrow(() -> new ConcertinaException(
                            ErrorCode.REFUSED,
                            "cannot accept the checksum of "
                                    + m.branch().label() + " revision " + m.describe() + ": "
                                    + (s.applied(m.branch()).contains(m)
                                            ? "it has not changed since it was applied"
                                            : "it is not applied")
                                    + "; nothing was changed"));
            accepted.add(mismatch);
        }
        runner.inTransaction(() -> accepted.forEach(x -> store.insert(
                x.revision(),
                x.branch(),
                Direction.ACCEPT_CHECKSUM,
                Optional.of(x.codeChecksum()),
                Instant.now(),
                config.appliedBy(),
                Duration.ZERO,
                Outcome.SUCCEEDED,
                Optional.of("checksum " + x.codeChecksum() + " accepted in place of " + x.appliedChecksum()))));
        return accepted;
    }
}
