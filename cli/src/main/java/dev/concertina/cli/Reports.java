package dev.concertina.cli;

import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.BranchStatus;
import dev.concertina.runtime.MigrationGraph;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The summary lines commands print. */
final class Reports {

    private Reports() {}

    /** After sync/upgrade/downgrade: how many ran, how long, and where the branches are now. */
    static void afterRun(Session s, List<AppliedRevision> applied, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (applied.isEmpty()) {
            s.out().result("nothing to do");
        } else {
            s.out()
                    .result(applied.size() + (applied.size() == 1 ? " migration" : " migrations") + " in "
                            + Durations.format(took));
        }
        // The runner already warned about changed revisions; do not repeat it.
        versions(s, false);
    }

    static void versions(Session s, boolean warnings) {
        Output out = s.out();
        Status status = s.migrator().status();
        MigrationGraph graph = s.migrator().graph();
        if (!status.underVersionControl()) {
            out.result("not under version control (run sync, or version_control to adopt an existing schema)");
        }
        List<BranchStatus> branches = List.of(status.expand(), status.contract());
        List<String> at = branches.stream()
                .map(b -> b.appliedHead()
                        .map(id ->
                                graph.get(id).map(ResolvedMigration::describe).orElse(id))
                        .orElse("base"))
                .toList();
        int width = at.stream().mapToInt(String::length).max().orElse(4) + 2;
        for (int i = 0; i < branches.size(); i++) {
            BranchStatus b = branches.get(i);
            String code = b.atHead()
                    ? "(head)"
                    : "code head " + b.codeHead().orElse("none")
                            + (b.pending().isEmpty() ? "" : ", " + b.pending().size() + " pending");
            out.result(String.format("%-9s %-" + width + "s%s", b.branch().label(), at.get(i), code));
        }
        if (!status.unknownRevisions().isEmpty()) {
            out.warning("the database has revisions this code does not know: "
                    + String.join(", ", status.unknownRevisions()));
        }
        if (warnings) {
            status.checksumMismatches().forEach(m -> out.warning(m.describe()));
            status.failedAttempt().ifPresent(f -> out.warning(f.describe()));
        }
    }

    /** {@code 4b7d9e (add book.isbn)}, or {@code base}. */
    static String head(BranchStatus b) {
        Optional<String> at = b.appliedHead();
        if (at.isEmpty()) {
            return "base";
        }
        return at.get();
    }
}
