package dev.concertina.cli;

import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.SyncScope;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Brings the database to the code's heads: expand first, then contract (an offline upgrade).",
            "With --expand or --contract, one phase only, for a rolling upgrade: expand before the new release starts, contract once the old release is gone. --contract is refused unless expand is at head."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina --url jdbc:h2:./target/demo sync",
            "  concertina sync --expand      # before the new release starts",
            "  concertina sync --contract    # after the old release is gone"
        })
final class SyncCommand extends DatabaseCommand {

    @Option(
            names = "--expand",
            description = {
                "Apply only the expand branch (additive changes old code lives with).",
                "e.g. concertina sync --expand"
            })
    boolean expand;

    @Option(
            names = "--contract",
            description = {
                "Apply only the contract branch (removals); refused unless expand is at head.",
                "e.g. concertina sync --contract"
            })
    boolean contract;

    @Override
    void before() {
        if (expand && contract) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--expand and --contract exclude each other; give neither to sync both branches");
        }
    }

    @Override
    int run(Session s) {
        SyncScope scope = expand ? SyncScope.EXPAND : contract ? SyncScope.CONTRACT : SyncScope.ALL;
        long start = System.nanoTime();
        List<AppliedRevision> applied = s.migrator().sync(scope);
        Reports.afterRun(s, applied, start);
        return 0;
    }
}
