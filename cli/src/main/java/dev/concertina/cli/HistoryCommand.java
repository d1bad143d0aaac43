package dev.concertina.cli;

import dev.concertina.runtime.HistoryEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Lists applied and attempted revisions, newest first.",
            "Each line: when (UTC), the direction, branch and revision, the outcome, how long it took and who ran it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina --url jdbc:h2:./target/demo history",
            "  2026-11-21 14:03:12  upgrade   contract 8c2e6a  succeeded  12 ms  alice@ci pid 47"
        })
final class HistoryCommand extends DatabaseCommand {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    int run(Session s) {
        List<HistoryEntry> entries = s.migrator().history();
        if (entries.isEmpty()) {
            s.out().result("no history: nothing has been applied");
            return 0;
        }
        for (HistoryEntry e : entries) {
            s.out()
                    .result(String.format(
                            "%s  %-9s %-8s %-12s %-11s %8s  %s%s",
                            WHEN.format(e.appliedAt()),
                            e.direction().label(),
                            e.branch().label(),
                            e.revision(),
                            e.outcome().label(),
                            Durations.format(e.duration()),
                            e.appliedBy(),
                            e.error().map(m -> "  " + Output.oneLine(m)).orElse("")));
        }
        return 0;
    }
}
