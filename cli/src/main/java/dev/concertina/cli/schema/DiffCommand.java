package dev.concertina.cli.schema;

import dev.concertina.api.Configuration;
import dev.concertina.api.DiffResult;
import dev.concertina.cli.Concertina;
import dev.concertina.cli.Output;
import dev.concertina.codegen.PlanSql;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanJson;
import dev.concertina.engine.plan.PlanMarkdown;
import dev.concertina.engine.plan.PlanText;
import dev.concertina.engine.plan.RenderOptions;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compares the database with the entity models and prints the plan: each change in its phase",
            "(expand or contract) with its hazards, as text, JSON (docs/diff-json.md), markdown (for a pull request)",
            "or the SQL each phase would run. Writes nothing. The rules file applies to both sides; stale rules are warned about.",
            "A dropped and an added column (or table) that may be a rename stops the command until it is confirmed",
            "(--rename, a rename line in the rules file, @RenamedFrom) or denied (--no-rename).",
            "Exit codes: 0 nothing to do (in the phase asked for), 6 differences, 1 error or an undecided rename."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  concertina diff --classpath target/classes --package com.example.model",
            "  concertina diff --format markdown > plan.md",
            "  concertina diff --rename person.fullname=display_name --format sql --phase expand"
        })
public final class DiffCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format {
        text,
        json,
        markdown,
        sql
    }

    /** Exit code when there are differences (as {@code check}'s drift). */
    public static final int DIFFERENCES = DiffResult.DIFFERENCES;

    @ParentCommand
    Concertina root;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            order = 10,
            description = {"text (default), json, markdown or sql.", "e.g. --format json"})
    Format format = Format.text;

    @Option(
            names = "--phase",
            paramLabel = "PHASE",
            order = 11,
            description = {"Only this phase: expand or contract.", "e.g. --phase contract"})
    String phase;

    @Option(
            names = "--sql-dialect",
            paramLabel = "DIALECT",
            split = ",",
            order = 12,
            description = {
                "With --format sql: the dialect(s) to render the SQL for (default: the database's own).",
                "e.g. --sql-dialect h2,postgres,mariadb"
            })
    List<String> sqlDialects = new ArrayList<>();

    @Mixin
    ModelOptions models;

    @Mixin
    RulesOptions rules;

    @Mixin
    HintOptions hints;

    @Override
    public Integer call() {
        CommandContext ctx = CommandContext.of(root);
        java.util.Optional<Branch> only = java.util.Optional.ofNullable(phase).map(DiffCommand::phase);
        var source = ctx.requireModels(models);
        Configuration config = ctx.withRules(CommandContext.withEntities(ctx.database(), source), rules, hints)
                .listener(MigrationListener.NONE);
        DiffResult result = config.load().diff();
        Plan plan = result.plan();
        Dialect dialect = result.dialect();
        // Each warning once: the plan's are part of the text, markdown and JSON reports; stderr gets
        // the others (stale rules), and the plan's too when no report shows them.
        boolean reported = format != Format.sql && result.decided();
        result.warnings().stream()
                .filter(w -> !reported || !plan.warnings().contains(w))
                .forEach(ctx.out()::warning);
        plan.requireDecided();

        RenderOptions options = RenderOptions.ALL.forDialect(dialect);
        if (only.isPresent()) {
            options = options.onlyPhase(only.get());
        }
        String text;
        switch (format) {
            case json:
                text = PlanJson.render(plan, options);
                break;
            case markdown:
                text = PlanMarkdown.render(plan, options);
                break;
            case sql:
                text = sql(plan, dialect, only);
                break;
            default:
                text = PlanText.render(plan, options);
                break;
        }
        ctx.io().out().print(Output.safeText(text.isEmpty() || text.endsWith("\n") ? text : text + "\n"));
        ctx.io().out().flush();
        return result.exitCode(only);
    }

    private String sql(Plan plan, Dialect source, java.util.Optional<Branch> only) {
        List<Dialect> targets = sqlDialects.isEmpty()
                ? List.of(source)
                : sqlDialects.stream().map(Dialect::fromLabel).distinct().toList();
        StringBuilder s = new StringBuilder();
        for (Dialect target : targets) {
            Map<Branch, List<String>> statements = PlanSql.statements(plan, source, target);
            for (Map.Entry<Branch, List<String>> e : statements.entrySet()) {
                if (only.isPresent() && only.get() != e.getKey()) {
                    continue;
                }
                s.append("-- ")
                        .append(e.getKey().name().toLowerCase(Locale.ROOT))
                        .append(" (")
                        .append(target.label())
                        .append(")\n");
                for (String statement : e.getValue()) {
                    s.append(statement).append(statement.startsWith("--") ? "\n" : ";\n");
                }
            }
        }
        if (s.length() == 0) {
            s.append("-- nothing to do\n");
        }
        return s.toString();
    }

    static Branch phase(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "expand":
                return Branch.EXPAND;
            case "contract":
                return Branch.CONTRACT;
            default:
                throw new dev.concertina.runtime.ConcertinaException(
                        dev.concertina.runtime.ErrorCode.CONFIGURATION,
                        "--phase " + text + ": expected expand or contract");
        }
    }
}
