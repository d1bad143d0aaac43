package dev.concertina.cli;

import dev.concertina.runtime.AppliedRevision;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "upgrade",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Applies revisions up to a target: a revision id or unique prefix, a milestone, head, or +N steps."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina upgrade head       # both branches to head (as sync)",
            "  concertina upgrade 2026.1     # to the revisions marked with milestone 2026.1",
            "  concertina upgrade 4b7d       # to revision 4b7d9e (any unique prefix)",
            "  concertina upgrade +1         # one more revision",
            "  concertina upgrade expand@head"
        })
final class UpgradeCommand extends DatabaseCommand {

    @Parameters(
            paramLabel = "TARGET",
            description = {
                "Revision id or unique prefix, milestone, head, expand@head, or +N.",
                "e.g. 4b7d9e, 2026.1, head, +2"
            })
    String target;

    @Override
    int run(Session s) {
        long start = System.nanoTime();
        List<AppliedRevision> applied = s.migrator().upgrade(target);
        Reports.afterRun(s, applied, start);
        return 0;
    }
}
