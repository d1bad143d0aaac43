package dev.concertina.cli.schema;

import dev.concertina.api.Configuration;
import dev.concertina.cli.Concertina;
import dev.concertina.cli.Output;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.render.SchemaJson;
import dev.concertina.engine.render.SchemaText;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Prints the schema as Concertina sees it: read from the database (the default), or from the entity models.",
            "Concertina's own tables and triggers are not shown. The JSON shape is documented in docs/inspect-json.md.",
            "The models are read for the database's dialect and version; without a database, give --dialect."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina inspect --url jdbc:postgresql://localhost/shop --user shop",
            "  concertina inspect --from models --dialect postgres --classpath target/classes --package com.example.model",
            "  concertina inspect --from models --format json > models.json"
        })
public final class InspectCommand implements Callable<Integer> {

    /** Which side to read. */
    public enum From {
        database,
        models
    }

    /** How to print it. */
    public enum Format {
        text,
        json
    }

    @ParentCommand
    Concertina root;

    @Option(
            names = "--from",
            paramLabel = "SIDE",
            order = 10,
            description = {"database (default) or models.", "e.g. --from models"})
    From from = From.database;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            order = 11,
            description = {"text (default) or json.", "e.g. --format json"})
    Format format = Format.text;

    @Mixin
    ModelOptions models;

    @Override
    public Integer call() {
        CommandContext ctx = CommandContext.of(root);
        Schema schema;
        if (from == From.database) {
            schema = ctx.database().load().inspectDatabase();
        } else {
            EntitySource source = ctx.requireModels(models);
            Optional<TargetDatabase> target = ctx.dialectTarget(models);
            Configuration config;
            if (target.isPresent()) {
                config = ctx.withoutDatabase().dialect(target.get());
            } else {
                if (ctx.settings().url().isEmpty()) {
                    throw new dev.concertina.runtime.ConcertinaException(
                            dev.concertina.runtime.ErrorCode.CONFIGURATION,
                            "inspect --from models: say which database to read the models for: --dialect (e.g. --dialect postgres) or --url");
                }
                config = ctx.database();
            }
            schema = CommandContext.withEntities(config, source).load().inspectEntities();
        }
        String text = format == Format.json ? SchemaJson.render(schema) : SchemaText.render(schema);
        ctx.io().out().print(Output.safeText(text.endsWith("\n") ? text : text + "\n"));
        ctx.io().out().flush();
        return 0;
    }
}
