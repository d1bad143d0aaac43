package dev.concertina.cli;

import dev.concertina.runtime.FailedAttempt;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "repair",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Clears a failed or interrupted migration that ran without a transaction, so that sync runs again.",
                "That is DDL on H2 and MariaDB/MySQL (they commit DDL at once; docs/runtime.md), or a revision with transactional = false. First check what the migration changed: undo its partial changes by hand (then sync re-runs it), or finish them by hand and record the revision with `goto`. repair itself changes no schema."},
        footerHeading = "%nExamples:%n",
        footer = {"  concertina sync      # refused: revision a6e0b4 ... never finished",
                "  (inspect the schema; drop what a6e0b4 created half-way)",
                "  concertina repair",
                "  concertina sync"})
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(Session s) {
        Optional<FailedAttempt> failed = s.migrator().status().failedAttempt();
        s.migrator().repair();
        failed.ifPresent(f -> s.out().result("repaired: " + f.direction().label() + " of " + f.branch().label() + " revision "
                + f.revision() + " is marked as dealt with; the next sync runs it again (unless you recorded it with goto)"));
        return 0;
    }
}
