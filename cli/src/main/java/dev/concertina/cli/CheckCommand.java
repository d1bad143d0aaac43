package dev.concertina.cli;

import dev.concertina.api.CheckReport;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Status;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Says whether the database is at the code's heads, as an exit code.",
            "The codes are Keystone's db_sync --check ones:",
            "  0  up to date",
            "  2  expand revisions pending, or the database is not under version control",
            "  4  expand at head, contract revisions pending",
            "  5  the database has revisions this code does not know (it is ahead of this release)",
            "  6  the models and the schema the migrations build disagree (drift; checked when entity models are configured)",
            "  7  an applied revision's code has changed since it was applied (restore it, or accept the new code with",
            "     repair --accept-checksums REV)",
            "  1  error",
            "When several apply, the first in this order wins: 1, 5, 7, 2, 4, 6 (drift is printed either way).",
            "It prints what is pending, and names applied revisions whose code has changed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina check; echo $?",
            "  concertina -q check >/dev/null",
            "  case $? in 2) concertina sync --expand;; 4) concertina sync --contract;; esac"
        })
final class CheckCommand extends DatabaseCommand {

    @picocli.CommandLine.Mixin
    dev.concertina.cli.schema.DriftOptions drift;

    @Override
    int run(Session s) {
        // check() reports changed applied revisions and a needed repair as warnings (stderr).
        CheckResult result = s.migrator().check();
        Status status = s.migrator().status();
        switch (result) {
            case UP_TO_DATE:
                s.out()
                        .result("up to date: expand " + Reports.head(status.expand()) + ", contract "
                                + Reports.head(status.contract()));
                break;
            case EXPAND_PENDING:
                s.out()
                        .result(
                                status.underVersionControl()
                                        ? "expand pending: "
                                                + list(status.expand().pending())
                                        : "not under version control; expand pending: "
                                                + list(status.expand().pending()));
                if (!status.contract().pending().isEmpty()) {
                    s.out().result("contract pending: " + list(status.contract().pending()));
                }
                break;
            case CONTRACT_PENDING:
                s.out().result("contract pending: " + list(status.contract().pending()));
                break;
            case UNKNOWN_REVISIONS:
                s.out()
                        .result("the database has revisions this code does not know: "
                                + String.join(", ", status.unknownRevisions()));
                break;
            case CHANGED_REVISIONS:
                break; // named below, with what to do
            default:
                break;
        }
        if (!status.checksumMismatches().isEmpty()) {
            s.out()
                    .result("changed since applied: "
                            + status.checksumMismatches().stream()
                                    .map(m -> m.revision())
                                    .collect(Collectors.joining(", "))
                            + " (restore the applied code, or accept it: concertina repair --accept-checksums REV)");
        }
        return new CheckReport(result, status, drift.apply(root)).exitCode();
    }

    private static String list(java.util.List<ResolvedMigration> pending) {
        return pending.isEmpty()
                ? "none"
                : pending.stream().map(ResolvedMigration::describe).collect(Collectors.joining(", "));
    }
}
