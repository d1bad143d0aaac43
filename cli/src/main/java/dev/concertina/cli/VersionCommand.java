package dev.concertina.cli;

import picocli.CommandLine.Command;

@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Shows the revision each branch of the database is at, and the heads the code has.",
            "The tool's own version is `concertina --version`."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina --url jdbc:h2:./target/demo version",
            "  expand    4b7d9e (add book.isbn)  code head a6e0b4, 1 pending",
            "  contract  base                    code head d9f1c3, 2 pending"
        })
final class VersionCommand extends DatabaseCommand {

    @Override
    int run(Session s) {
        Reports.versions(s, true);
        return 0;
    }
}
