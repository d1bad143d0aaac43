package dev.concertina.maven;

import dev.concertina.runtime.BranchStatus;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The lines {@code version}, {@code sync} and {@code check} print about where the database stands. */
final class StatusLines {

    private StatusLines() {}

    /** One line per branch: where it is, and the code's head. */
    static List<String> versions(Status status) {
        List<String> lines = new ArrayList<>();
        if (!status.underVersionControl()) {
            lines.add("not under version control (run concertina:sync)");
        }
        for (BranchStatus b : List.of(status.expand(), status.contract())) {
            String code = b.atHead()
                    ? "(head)"
                    : "code head " + b.codeHead().orElse("none")
                            + (b.pending().isEmpty() ? "" : ", " + b.pending().size() + " pending");
            lines.add(String.format(
                    "%-9s %-14s %s", b.branch().label(), b.appliedHead().orElse("base"), code));
        }
        if (!status.unknownRevisions().isEmpty()) {
            lines.add("the database has revisions this code does not know: "
                    + String.join(", ", status.unknownRevisions()));
        }
        return lines;
    }

    /** What a {@code check} outcome means, with its exit code, as the CLI's {@code check} gives it. */
    static String meaning(CheckResult result, Status status) {
        switch (result) {
            case UP_TO_DATE:
                return "up to date (exit code 0)";
            case EXPAND_PENDING:
                return (status.underVersionControl() ? "" : "not under version control; ")
                        + "expand pending (exit code 2): "
                        + list(status.expand().pending());
            case CONTRACT_PENDING:
                return "contract pending (exit code 4): "
                        + list(status.contract().pending());
            case UNKNOWN_REVISIONS:
                return "the database has revisions this code does not know (exit code 5): "
                        + String.join(", ", status.unknownRevisions());
            default:
                return result.name();
        }
    }

    private static String list(List<ResolvedMigration> pending) {
        return pending.isEmpty()
                ? "none"
                : pending.stream().map(ResolvedMigration::describe).collect(Collectors.joining(", "));
    }
}
