package dev.concertina.cli.schema;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rename decisions given on the command line, and the hints file. */
public final class HintOptions {

    @Mixin
    HintsFileOption hintsFile;

    @Option(
            names = "--rename",
            paramLabel = "OLD=NEW",
            order = 40,
            description = {
                "Confirm a rename: TABLE.OLD_COLUMN=NEW_COLUMN, or OLD_TABLE=NEW_TABLE; repeatable.",
                "e.g. --rename person.fullname=display_name, --rename people=person"
            })
    List<String> renames = new ArrayList<>();

    @Option(
            names = "--no-rename",
            paramLabel = "NAME",
            order = 41,
            description = {
                "Deny a possible rename: TABLE.COLUMN (really dropped, or really new) or TABLE; repeatable.",
                "e.g. --no-rename person.fullname"
            })
    List<String> noRenames = new ArrayList<>();
}
