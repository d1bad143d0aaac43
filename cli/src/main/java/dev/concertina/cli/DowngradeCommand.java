package dev.concertina.cli;

import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.PlannedStep;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "downgrade",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Undoes revisions down to a target: a revision id or unique prefix, base, or -N steps.",
            "Data may be lost: what the undone revisions created (tables, columns and their contents) is dropped.",
            "It lists the revisions it will undo and asks for confirmation on a terminal; elsewhere (scripts, CI) it needs --yes."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina downgrade -1               # undo the last revision (asks first)",
            "  concertina downgrade 4b7d9e --yes     # back to revision 4b7d9e, no question",
            "  concertina downgrade base --yes       # undo everything",
            "  concertina downgrade contract@base --yes"
        })
final class DowngradeCommand extends DatabaseCommand {

    @Parameters(
            paramLabel = "TARGET",
            description = {"Revision id or unique prefix, base, contract@base, or -N.", "e.g. 4b7d9e, base, -1"})
    String target;

    @Option(
            names = {"-y", "--yes"},
            description = {
                "Confirm that data may be lost; required when stdin is not a terminal.",
                "e.g. concertina downgrade -1 --yes"
            })
    boolean yes;

    /** Off a terminal without --yes, refuse before touching the database. */
    @Override
    void before() {
        if (!yes && !root.io().terminal().interactive()) {
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    "downgrade to " + target
                            + " undoes revisions: data in the tables and columns they created may be lost; stdin is not a terminal, so add --yes to confirm");
        }
    }

    @Override
    int run(Session s) {
        List<PlannedStep> plan = s.migrator().planDowngrade(target);
        if (!plan.isEmpty()) {
            String warning = "downgrade to " + target + " undoes " + plan.size()
                    + (plan.size() == 1 ? " revision" : " revisions") + " ("
                    + plan.stream()
                            .map(p -> p.revision().branch().label() + " "
                                    + p.revision().describe())
                            .collect(Collectors.joining(", "))
                    + "): data in the tables and columns they created may be lost";
            if (yes) {
                s.out().warning(warning);
            } else {
                String answer = root.io()
                        .terminal()
                        .readLine("concertina: " + warning + ". Continue? [y/N] ")
                        .orElse("");
                if (!answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                    throw new ConcertinaException(
                            ErrorCode.REFUSED, "downgrade to " + target + " not confirmed; nothing changed");
                }
            }
        }
        long start = System.nanoTime();
        List<AppliedRevision> applied = s.migrator().downgrade(target);
        Reports.afterRun(s, applied, start);
        return 0;
    }
}
