package dev.concertina.cli.schema;

import dev.concertina.api.Configuration;
import dev.concertina.api.RevisionResult;
import dev.concertina.cli.Concertina;
import dev.concertina.cli.config.ConfigKey;
import dev.concertina.cli.config.PropertiesFile;
import dev.concertina.entities.EntitySource;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "revision",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Writes a new migration class below the migrations source folder (--source, key migrations.source):",
            "  --expand / --contract   an empty revision in that branch, whose parent is the branch's head, to fill in by hand;",
            "  --autogenerate          the expand and/or contract revision that brings the database to the models.",
            "Autogenerate needs the database at the code's heads (run sync first) and the migrations compiled; it writes",
            "nothing when the models and the database agree. Possible renames stop it until confirmed or denied."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina revision --expand -m \"add audit columns\"",
            "  concertina revision --autogenerate -m \"person display name\" --rename person.fullname=display_name",
            "  concertina revision --autogenerate -m \"v2\" --source src/main/java --package com.example.model"
        })
public final class RevisionCommand implements Callable<Integer> {

    /** Exactly one kind of revision. */
    static final class Kind {
        @Option(
                names = "--expand",
                required = true,
                description = {"An empty expand revision.", "e.g. revision --expand -m \"add person email\""})
        boolean expand;

        @Option(
                names = "--contract",
                required = true,
                description = {
                    "An empty contract revision (it requires the expand head).",
                    "e.g. revision --contract -m \"drop person fullname\""
                })
        boolean contract;

        @Option(
                names = "--autogenerate",
                required = true,
                description = {
                    "Compare the models with the database and write what it takes.",
                    "e.g. revision --autogenerate -m \"v2\""
                })
        boolean autogenerate;
    }

    @ParentCommand
    Concertina root;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
    Kind kind;

    @Option(
            names = {"-m", "--message"},
            required = true,
            paramLabel = "MSG",
            order = 10,
            description = {"What the revision does, one line (also the class name).", "e.g. -m \"add person email\""})
    String message;

    @Option(
            names = "--source",
            paramLabel = "DIR",
            order = 11,
            description = {
                "The source folder to write to, e.g. src/main/java (key: migrations.source).",
                "e.g. --source src/main/java"
            })
    Path source;

    @Option(
            names = "--milestone",
            paramLabel = "NAME",
            order = 12,
            description = {"A release milestone for the new revision(s).", "e.g. --milestone 2026.1"})
    String milestone;

    @Mixin
    ModelOptions models;

    @Mixin
    RulesOptions rules;

    @Mixin
    HintOptions hints;

    @Override
    public Integer call() {
        if (message.isBlank()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "revision: -m needs a message saying what the revision does");
        }
        CommandContext ctx = CommandContext.of(root);
        Path sourceRoot = sourceRoot(ctx);
        ctx.settings().requirePackage();
        return kind.autogenerate ? autogenerate(ctx, sourceRoot) : empty(ctx, sourceRoot);
    }

    private int empty(CommandContext ctx, Path sourceRoot) {
        Branch branch = kind.expand ? Branch.EXPAND : Branch.CONTRACT;
        RevisionResult result =
                ctx.withoutDatabase().load().emptyRevision(branch, message, sourceRoot, Optional.ofNullable(milestone));
        for (RevisionResult.Written w : result.files()) {
            ctx.out()
                    .result("wrote " + w.file() + " (" + w.branch().label() + " revision " + w.revision() + ", parent "
                            + w.parent() + ")");
        }
        return 0;
    }

    private int autogenerate(CommandContext ctx, Path sourceRoot) {
        EntitySource entities = ctx.requireModels(models);
        Configuration config = ctx.withRules(CommandContext.withEntities(ctx.database(), entities), rules, hints);
        // The warnings (stale rules, the plan's) are printed by the context's listener as they come.
        RevisionResult result = config.load().revision(message, sourceRoot, Optional.ofNullable(milestone));
        if (result.isEmpty()) {
            ctx.out().result("no differences between the models and the database: nothing written");
            return 0;
        }
        for (RevisionResult.Written w : result.files()) {
            ctx.out().result("wrote " + w.file() + " (" + w.branch().label() + " revision " + w.revision() + ")");
        }
        result.summary().forEach(ctx.out()::result);
        ctx.out()
                .result(
                        "review them, compile, then run sync (or sync --expand / sync --contract for a rolling upgrade)");
        return 0;
    }

    private Path sourceRoot(CommandContext ctx) {
        if (source != null) {
            return ctx.io().workDir().resolve(source).normalize();
        }
        PropertiesFile file = ctx.file();
        return file.get(ConfigKey.MIGRATIONS_SOURCE)
                .map(v -> file.folder().resolve(v.text()).normalize())
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "revision: no source folder to write to: give --source"
                                + " (e.g. --source src/main/java) or set 'migrations.source' in " + file.path()));
    }
}
