package dev.concertina.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "goto",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Records the database as being at a revision without running any migration.",
            "For adopting an existing database whose schema already matches that revision (after version_control), or for recording what was finished by hand after a repair."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina version_control",
            "  concertina goto 4b7d9e     # the schema already has book.isbn",
            "  concertina goto 2026.1"
        })
final class GotoCommand extends DatabaseCommand {

    @Parameters(
            paramLabel = "REVISION",
            description = {"Revision id or unique prefix, milestone, head or base.", "e.g. 4b7d9e, 2026.1"})
    String revision;

    @Override
    int run(Session s) {
        s.migrator().goTo(revision);
        s.out().result("recorded " + revision + " without running migrations");
        Reports.versions(s, true);
        return 0;
    }
}
