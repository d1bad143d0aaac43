package dev.concertina.cli.schema;

import dev.concertina.cli.Concertina;
import dev.concertina.cli.config.ConfigKey;
import dev.concertina.cli.config.PropertiesFile;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.codegen.RevisionTemplates;
import dev.concertina.engine.plan.Phase;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlannedChange;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.BranchStatus;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Writes a new migration class below the migrations source folder (--source, key migrations.source):",
                "  --expand / --contract   an empty revision in that branch, whose parent is the branch's head, to fill in by hand;",
                "  --autogenerate          the expand and/or contract revision that brings the database to the models.",
                "Autogenerate needs the database at the code's heads (run sync first) and the migrations compiled; it writes",
                "nothing when the models and the database agree. Possible renames stop it until confirmed or denied."},
        footerHeading = "%nExamples:%n",
        footer = {"  concertina revision --expand -m \"add audit columns\"",
                "  concertina revision --autogenerate -m \"person display name\" --rename person.fullname=display_name",
                "  concertina revision --autogenerate -m \"v2\" --source src/main/java --package com.example.model"})
public final class RevisionCommand implements Callable<Integer> {

    /** Exactly one kind of revision. */
    static final class Kind {
        @Option(names = "--expand", required = true, description = {"An empty expand revision.", "e.g. revision --expand -m \"add person email\""})
        boolean expand;

        @Option(names = "--contract", required = true, description = {"An empty contract revision (it requires the expand head).", "e.g. revision --contract -m \"drop person fullname\""})
        boolean contract;

        @Option(names = "--autogenerate", required = true, description = {"Compare the models with the database and write what it takes.", "e.g. revision --autogenerate -m \"v2\""})
        boolean autogenerate;
    }

    @ParentCommand
    Concertina root;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
    Kind kind;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", order = 10,
            description = {"What the revision does, one line (also the class name).", "e.g. -m \"add person email\""})
    String message;

    @Option(names = "--source", paramLabel = "DIR", order = 11,
            description = {"The source folder to write to, e.g. src/main/java (key: migrations.source).", "e.g. --source src/main/java"})
    Path source;

    @Option(names = "--milestone", paramLabel = "NAME", order = 12,
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
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "revision: -m needs a message saying what the revision does");
        }
        CommandContext ctx = CommandContext.of(root);
        Path sourceRoot = sourceRoot(ctx);
        try (Migrations migrations = Migrations.load(ctx.settings())) {
            return kind.autogenerate ? autogenerate(ctx, migrations, sourceRoot) : empty(ctx, migrations, sourceRoot);
        }
    }

    private int empty(CommandContext ctx, Migrations migrations, Path sourceRoot) {
        Branch branch = kind.expand ? Branch.EXPAND : Branch.CONTRACT;
        migrations.requireCompiled(sourceRoot, branch);
        migrations.requireCompiled(sourceRoot, Branch.EXPAND);
        Optional<String> requires = migrations.head(Branch.EXPAND).revision();
        GeneratedMigration m = RevisionTemplates.write(sourceRoot, branch, migrations.packageName(), message,
                migrations.head(branch), requires, Optional.ofNullable(milestone));
        ctx.out().result("wrote " + sourceRoot.resolve(m.relativePath()) + " (" + branch.label() + " revision " + m.revision()
                + ", parent " + migrations.head(branch).revision().orElse("base") + ")");
        return 0;
    }

    private int autogenerate(CommandContext ctx, Migrations migrations, Path sourceRoot) {
        migrations.requireCompiled(sourceRoot, Branch.EXPAND);
        migrations.requireCompiled(sourceRoot, Branch.CONTRACT);
        var entitySource = ctx.requireModels(models);
        var ruleFile = ctx.rules(rules);
        var cli = ctx.hints(hints);
        String url = ctx.settings().requireUrl();
        String user = ctx.settings().user().orElse("");
        String password = ctx.password(url);

        MigratorConfig config = MigratorConfig.builder().url(url).user(user).password(password)
                .migrations(migrations.source()).build();
        try (Migrator migrator = Migrator.open(config)) {
            requireAtHead(migrator.status());
        }
        SchemaComparison cmp;
        dev.concertina.runtime.Dialect dialect;
        try (LiveDatabase db = LiveDatabase.open(url, user, password)) {
            dialect = db.dialect();
            var both = BothReads.read(() -> new EntitySchemaReader(db.target()).readModel(entitySource), db::read);
            cmp = SchemaComparison.compare(both.live(), both.models(), ruleFile, cli)
                    .withRowEstimates(db.dialect(), db.rowEstimates());
        }
        cmp.staleRuleWarnings().forEach(ctx.out()::warning);
        Plan plan = cmp.plan();
        plan.warnings().forEach(ctx.out()::warning);
        if (plan.isEmpty()) {
            ctx.out().result("no differences between the models and the database: nothing written");
            return 0;
        }
        plan.requireDecided();
        MigrationRequest request = MigrationRequest.of(migrations.packageName(), message, dialect,
                migrations.head(Branch.EXPAND), migrations.head(Branch.CONTRACT));
        if (milestone != null) {
            request = request.withMilestone(milestone);
        }
        List<GeneratedMigration> written = new ArrayList<>();
        for (GeneratedMigration m : MigrationWriter.write(plan, request)) {
            m.writeTo(sourceRoot);
            written.add(m);
        }
        for (GeneratedMigration m : written) {
            ctx.out().result("wrote " + sourceRoot.resolve(m.relativePath()) + " (" + m.branch().label() + " revision " + m.revision() + ")");
        }
        for (Phase phase : Phase.values()) {
            List<PlannedChange> changes = plan.changes(phase);
            if (changes.isEmpty()) {
                continue;
            }
            Set<String> hazards = new LinkedHashSet<>();
            plan.hazards(phase).stream().filter(h -> h.appliesTo(dialect)).forEach(h -> hazards.add(h.code().name()));
            ctx.out().result(phase.name().toLowerCase(java.util.Locale.ROOT) + ": " + changes.size()
                    + (changes.size() == 1 ? " change" : " changes")
                    + (hazards.isEmpty() ? "" : ", hazards " + String.join(", ", hazards)));
            for (PlannedChange c : changes) {
                ctx.out().result("  " + c.change().describe());
            }
        }
        ctx.out().result("review them, compile, then run sync (or sync --expand / sync --contract for a rolling upgrade)");
        return 0;
    }

    private static void requireAtHead(Status status) {
        if (!status.unknownRevisions().isEmpty()) {
            throw new ConcertinaException(ErrorCode.REFUSED, "revision --autogenerate: the database has revisions this code does not know ("
                    + String.join(", ", status.unknownRevisions()) + "): update the code first");
        }
        for (BranchStatus b : List.of(status.expand(), status.contract())) {
            if (!b.atHead()) {
                throw new ConcertinaException(ErrorCode.REFUSED, "revision --autogenerate: the database is not at the code's heads ("
                        + b.branch().label() + " at " + b.appliedHead().orElse("base") + ", code head " + b.codeHead().orElse("base")
                        + "); run sync first, so the new revision starts where the migrations end");
            }
        }
    }

    private Path sourceRoot(CommandContext ctx) {
        if (source != null) {
            return ctx.io().workDir().resolve(source).normalize();
        }
        PropertiesFile file = ctx.file();
        return file.get(ConfigKey.MIGRATIONS_SOURCE).map(v -> file.folder().resolve(v.text()).normalize())
                .orElseThrow(() -> new ConcertinaException(ErrorCode.CONFIGURATION, "revision: no source folder to write to: give --source"
                        + " (e.g. --source src/main/java) or set 'migrations.source' in " + file.path()));
    }
}
