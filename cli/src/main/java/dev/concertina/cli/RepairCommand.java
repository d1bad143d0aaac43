package dev.concertina.cli;

import dev.concertina.runtime.FailedAttempt;
import dev.concertina.runtime.RepairResult;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Names the steps a failed or interrupted migration that ran without a transaction completed, and forgets them.",
            "Not needed after a crash: `sync` resumes such a migration at its first unfinished step (docs/runtime.md). Use repair to deal with it by hand instead: undo the steps it names (then sync runs the revision from its start), or finish the revision by hand and record it with `goto`. repair itself changes no schema.",
            "With --accept-checksums, it also accepts the changed code of applied revisions (check exits 7 for them), recorded in the history."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina repair    # lists the steps of revision a6e0b4 that completed",
            "  (undo them by hand)",
            "  concertina sync",
            "  concertina repair --accept-checksums a6e0b4"
        })
final class RepairCommand extends DatabaseCommand {

    @Option(
            names = "--accept-checksums",
            split = ",",
            paramLabel = "REV",
            description = {
                "Accept the code's changed checksum of these applied revisions (comma-separated).",
                "e.g. --accept-checksums a6e0b4,c11e01"
            })
    List<String> acceptChecksums = List.of();

    @Override
    int run(Session s) {
        RepairResult r = s.migrator().repair(acceptChecksums);
        r.accepted()
                .forEach(a -> s.out()
                        .result("accepted: the changed code of " + a.branch().label() + " revision " + a.revision()
                                + " (checksum " + a.codeChecksum().substring(0, 12) + ")"));
        Optional<FailedAttempt> failed = r.attempt();
        failed.ifPresent(f -> {
            s.out()
                    .result("repaired: " + f.direction().label() + " of "
                            + f.branch().label() + " revision " + f.revision()
                            + " is marked as dealt with; "
                            + (r.completedSteps().isEmpty()
                                    ? "it completed no step"
                                    : "these " + r.completedSteps().size()
                                            + " step(s) it completed stay in the schema:"));
            for (int i = 0; i < r.completedSteps().size(); i++) {
                s.out().result("  " + (i + 1) + ". " + r.completedSteps().get(i));
            }
            s.out().result("the next sync runs it from its first step (unless you record it with goto)");
        });
        return 0;
    }
}
