package dev.concertina.cli.schema;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The rules file: deliberate differences and hints. */
public final class RulesOptions {

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            order = 30,
            description = {
                "The ignore-rules file (docs/ignore-rules.md) applied to both sides (key: ignore.file;",
                "default: concertina.ignore in the working directory, when it exists). e.g. --rules ci/concertina.ignore"
            })
    Path file;

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
