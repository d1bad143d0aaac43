package dev.concertina.cli.schema;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The hints file: rename, conversion and backfill hints kept apart from the rules file. */
public final class HintsFileOption {

    @Option(
            names = "--hints",
            paramLabel = "FILE",
            order = 39,
            description = {
                "A hints file: the lines of a [hints] section (docs/ignore-rules.md), added after the rules",
                "file's own hints (key: hints.file). e.g. --hints release-2026.2.hints"
            })
    Path file;

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
