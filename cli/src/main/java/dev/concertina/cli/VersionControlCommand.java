package dev.concertina.cli;

import dev.concertina.cli.config.Settings;
import picocli.CommandLine.Command;

@Command(
        name = "version_control",
        aliases = "version-control",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Puts an existing database under version control at base, running nothing.",
            "It creates Concertina's version and history tables. Follow with `goto` to record the revision the schema already matches, then `upgrade` or `sync`. Also spelled version-control."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina version_control --url jdbc:postgresql://db/legacy",
            "  concertina goto 4b7d9e --url jdbc:postgresql://db/legacy",
            "  concertina sync --url jdbc:postgresql://db/legacy"
        })
final class VersionControlCommand extends DatabaseCommand {

    /** Not through a session: the project may have no migration yet (its package need not exist). */
    @Override
    Integer callWithoutSession() {
        Settings settings = Settings.resolve(root.flags(), root.io().workDir());
        ConsoleListener listener = Session.listener(root, settings);
        return Session.withApi(root, settings, listener, (api, connected) -> {
            api.versionControl();
            root.output().result("under version control at base; no migration ran");
            return 0;
        });
    }

    @Override
    int run(Session s) {
        throw new IllegalStateException("version_control runs without a session");
    }
}
