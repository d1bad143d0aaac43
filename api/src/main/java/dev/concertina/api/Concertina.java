package dev.concertina.api;

import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.codegen.RevisionTemplates;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.ChangeWords;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlannedChange;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.BranchStatus;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.HistoryEntry;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.Status;
import dev.concertina.runtime.SyncScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Concertina as a library: every front end (the CLI, the JUnit assertions, the Maven plugin) is a
 * thin shell over this class. Configure, load, then run commands; each command opens what it needs
 * and closes it again, so one instance serves any number of commands, from any thread.
 *
 * <pre>{@code
 * Concertina concertina = Concertina.configure()
 *         .url("jdbc:postgresql://localhost/shop").user("shop").password(secret)
 *         .migrationsPackage("com.example.shop.migrations")
 *         .entityPackages("com.example.shop.model")
 *         .load();
 * DiffResult diff = concertina.diff();
 * }</pre>
 *
 * <p>Errors are {@link ConcertinaException}s: one line naming what and where, with an
 * {@link ErrorCode}. Warnings go to the configured {@link dev.concertina.runtime.MigrationListener}
 * (once each) and are kept in the results. Nothing here prints. See docs/java-api.md.
 */
public final class Concertina {

    private final Configuration config;

    Concertina(Configuration config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A new, empty configuration to fill in and {@link Configuration#load()}. */
    public static Configuration configure() {
        return Configuration.empty();
    }

    /** The configuration this instance was loaded from. */
    public Configuration configuration() {
        return config;
    }

    // ------------------------------------------------------------------ reading

    /** The database's schema as Concertina sees it (its own tables and triggers left out). */
    public Schema inspectDatabase() {
        try (LiveDatabase db = openDatabase()) {
            return db.read();
        }
    }

    /**
     * The entities' schema, for the configured {@link Configuration#dialect dialect} or, without
     * one, for the database's dialect and version.
     */
    public Schema inspectEntities() {
        EntitySource source = entitySource();
        TargetDatabase target = config.dialect().orElseGet(() -> {
            if (config.url().isEmpty()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "say which database to read the entities for: a dialect or a database URL");
            }
            try (LiveDatabase db = openDatabase()) {
                return db.target();
            }
        });
        return new EntitySchemaReader(target).read(source);
    }

    // ------------------------------------------------------------------ comparing

    /**
     * Compares the database with the entities and plans the changes: the rules file applies to
     * both sides; hints of the rules file, of {@code @RenamedFrom}, of the hints file and of
     * {@link Configuration#hints} are merged in that order. Writes nothing. A possible rename is
     * left open in the plan ({@link DiffResult#decided()}).
     */
    public DiffResult diff() {
        EntitySource source = entitySource();
        IgnoreRules rules = rules();
        dev.concertina.rules.Hints hints = hints();
        Compared compared = compareWithDatabase(source, rules, hints);
        SchemaComparison cmp = compared.comparison();
        return new DiffResult(cmp.changes(), cmp.plan(), warn(cmp), compared.dialect());
    }

    /** The database compared with the entities (row estimates included), and the database's dialect. */
    private record Compared(SchemaComparison comparison, Dialect dialect) {}

    private Compared compareWithDatabase(EntitySource source, IgnoreRules rules, dev.concertina.rules.Hints hints) {
        try (LiveDatabase db = openDatabase()) {
            var both = BothReads.read(
                    () -> new EntitySchemaReader(db.target())
                            .connectedTo(db.schema())
                            .readModel(source),
                    db::read);
            SchemaComparison cmp = SchemaComparison.compare(
                            both.live(), both.models(), rules, hints, db.preexisting(both.live()))
                    .withRowEstimates(db.dialect(), db.rowEstimates());
            return new Compared(cmp, db.dialect());
        }
    }

    /** {@link #revision(String, Path, Optional)} without a milestone. */
    public RevisionResult revision(String message, Path sourceDir) {
        return revision(message, sourceDir, Optional.empty());
    }

    /**
     * Autogenerate: compares the database with the entities and writes the expand and/or contract
     * migration classes that bring it there, below {@code sourceDir} (e.g. {@code src/main/java})
     * in the migrations package. Needs the database at the code's heads and the migrations
     * compiled; writes nothing when they agree.
     *
     * @throws ConcertinaException (REFUSED) when the database is not at the code's heads or sources
     *         are not compiled; (PLAN) while a possible rename is undecided
     */
    public RevisionResult revision(String message, Path sourceDir, Optional<String> milestone) {
        requireMessage(message);
        try (Migrations migrations = loadMigrations(true)) {
            migrations.requireCompiled(sourceDir, Branch.EXPAND);
            migrations.requireCompiled(sourceDir, Branch.CONTRACT);
            EntitySource source = entitySource();
            IgnoreRules rules = rules();
            dev.concertina.rules.Hints hints = hints();
            String url = requireUrl();
            try (Migrator migrator = openMigrator(url, migrations)) {
                requireAtHead(migrator.status());
            }
            Compared compared = compareWithDatabase(source, rules, hints);
            SchemaComparison cmp = compared.comparison();
            Dialect dialect = compared.dialect();
            List<String> warnings = warn(cmp);
            Plan plan = cmp.plan();
            if (plan.isEmpty()) {
                return new RevisionResult(List.of(), plan, List.of(), warnings);
            }
            plan.requireDecided();
            MigrationRequest request = MigrationRequest.of(
                    migrations.packageName(),
                    message,
                    dialect,
                    migrations.head(Branch.EXPAND),
                    migrations.head(Branch.CONTRACT));
            if (milestone.isPresent()) {
                request = request.withMilestone(milestone.get());
            }
            List<RevisionResult.Written> written = new ArrayList<>();
            for (GeneratedMigration m : MigrationWriter.write(plan, request)) {
                m.writeTo(sourceDir);
                String parent = migrations.head(m.branch()).revision().orElse("base");
                written.add(new RevisionResult.Written(
                        sourceDir.resolve(m.relativePath()), m.branch(), m.revision(), parent));
            }
            return new RevisionResult(written, plan, summary(plan, dialect), warnings);
        }
    }

    /**
     * An empty revision of {@code branch} to fill in by hand: its parent is the branch's head (a
     * contract revision also requires the expand head). Needs no database.
     */
    public RevisionResult emptyRevision(Branch branch, String message, Path sourceDir, Optional<String> milestone) {
        requireMessage(message);
        try (Migrations migrations = loadMigrations(true)) {
            migrations.requireCompiled(sourceDir, branch);
            migrations.requireCompiled(sourceDir, Branch.EXPAND);
            Optional<String> requires = migrations.head(Branch.EXPAND).revision();
            GeneratedMigration m = RevisionTemplates.write(
                    sourceDir, branch, migrations.packageName(), message, migrations.head(branch), requires, milestone);
            String parent = migrations.head(branch).revision().orElse("base");
            var file = new RevisionResult.Written(sourceDir.resolve(m.relativePath()), branch, m.revision(), parent);
            return new RevisionResult(List.of(file), Plan.of(List.of(), List.of(), List.of()), List.of(), List.of());
        }
    }

    /**
     * The drift check: runs every migration (expand, then contract) on the scratch database
     * (a private H2 in memory unless {@link Configuration#scratchDatabase} names an empty one),
     * reads the schema they built and compares it with the entities' schema for that database.
     */
    public Drift.Result drift() {
        EntitySource source = entitySource();
        IgnoreRules used = RulesFiles.withHints(rules(), hintsFileOnly());
        String url = config.scratchUrl().orElseGet(Drift::defaultScratchUrl);
        Drift.Result result;
        // From a class path (a build's output) no compiled migration yet is normal; on a class
        // loader (a test's own class path) the package must be there.
        try (Migrations migrations =
                loadMigrations(!config.migrationsClassPath().isEmpty())) {
            result =
                    Drift.check(migrations.source(), source, used, url, config.scratchUser(), config.scratchPassword());
        }
        result.staleRules().forEach(r -> config.listener().warning(SchemaComparison.staleMessage(r)));
        return result;
    }

    // ------------------------------------------------------------------ running

    /** Where the database stands against the code, and the drift check when entities are configured. */
    public CheckReport check() {
        CheckReport db = withMigrator(m -> {
            CheckResult r = m.check();
            return new CheckReport(r, m.status(), Optional.empty());
        });
        return config.hasEntities() ? new CheckReport(db.result(), db.status(), Optional.of(drift())) : db;
    }

    /** Both branches to the code's heads: expand, then contract. */
    public List<AppliedRevision> sync() {
        return sync(SyncScope.ALL);
    }

    /** One branch ({@link SyncScope#EXPAND}, {@link SyncScope#CONTRACT}) or both to the code's heads. */
    public List<AppliedRevision> sync(SyncScope scope) {
        return withMigrator(m -> m.sync(scope));
    }

    /** The revisions the database's branches are at, against the code's heads. */
    public Status version() {
        return withMigrator(Migrator::status);
    }

    /** Applied and attempted revisions, newest first. */
    public List<HistoryEntry> history() {
        return withMigrator(Migrator::history);
    }

    /**
     * Puts an existing database under version control at base, running nothing. Works before the
     * project has its first migration (the migrations package need not exist yet).
     */
    public void versionControl() {
        try (Migrations migrations = loadMigrations(true)) {
            try (Migrator migrator = openMigrator(requireUrl(), migrations)) {
                migrator.versionControl();
            }
        }
    }

    /**
     * Runs {@code work} with a {@link Migrator} open on the database and the migrations (loaded for
     * it, and unloaded after), for the runtime's other commands: upgrade, downgrade, goto, repair.
     */
    public <T> T withMigrator(Function<Migrator, T> work) {
        try (Migrations migrations = loadMigrations(false);
                Migrator migrator = openMigrator(requireUrl(), migrations)) {
            return work.apply(migrator);
        }
    }

    // ------------------------------------------------------------------ pieces

    private LiveDatabase openDatabase() {
        return LiveDatabase.open(requireUrl(), config.user(), config.password());
    }

    private String requireUrl() {
        return config.url()
                .orElseThrow(() -> new ConcertinaException(ErrorCode.CONFIGURATION, "no database URL configured"));
    }

    /** The runtime's migrator on the configured database, its connection failures said as the API's own. */
    private Migrator openMigrator(String url, Migrations migrations) {
        try {
            return Migrator.open(migratorConfig(url, migrations));
        } catch (ConcertinaException e) {
            throw Connections.explained(e, url, config.user(), config.password());
        }
    }

    private MigratorConfig migratorConfig(String url, Migrations migrations) {
        return MigratorConfig.builder()
                .url(JdbcUrls.forDriver(url))
                .user(Connections.user(url, config.user()))
                .password(config.password())
                .migrations(migrations.source())
                .lockTimeout(config.lockTimeout())
                .lockRetry(config.lockRetry())
                .listener(config.listener())
                .build();
    }

    /**
     * The migrations; {@code lenient} accepts a package with no class yet (before the first
     * revision), otherwise the runtime's scan says the package is not on the class path.
     */
    private Migrations loadMigrations(boolean lenient) {
        String pkg = config.migrationsPackage()
                .orElseThrow(
                        () -> new ConcertinaException(ErrorCode.CONFIGURATION, "no migrations package configured"));
        ClassLoader loader = config.migrationsClassLoader().orElseGet(Concertina::contextLoader);
        return Migrations.load(pkg, config.migrationsClassPath(), loader, lenient);
    }

    private EntitySource entitySource() {
        return EntityLocations.source(config, config.migrationsClassLoader().orElseGet(Concertina::contextLoader));
    }

    private IgnoreRules rules() {
        return RulesFiles.rules(config.rulesFile());
    }

    private dev.concertina.rules.Hints hintsFileOnly() {
        return RulesFiles.hints(config.hintsFile(), dev.concertina.rules.Hints.empty());
    }

    private dev.concertina.rules.Hints hints() {
        return RulesFiles.hints(config.hintsFile(), config.hints());
    }

    /** The comparison's warnings, each given to the listener once, in the order they are kept. */
    private List<String> warn(SchemaComparison cmp) {
        List<String> all = new ArrayList<>(cmp.staleRuleWarnings());
        all.addAll(cmp.plan().warnings());
        all.forEach(config.listener()::warning);
        return all;
    }

    private static ClassLoader contextLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : Concertina.class.getClassLoader();
    }

    private static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "revision: -m needs a message saying what the revision does");
        }
    }

    private static void requireAtHead(Status status) {
        if (!status.unknownRevisions().isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    "revision --autogenerate: the database has revisions this code does not know ("
                            + String.join(", ", status.unknownRevisions()) + "): update the code first");
        }
        for (BranchStatus b : List.of(status.expand(), status.contract())) {
            if (!b.atHead()) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "revision --autogenerate: the database is not at the code's heads ("
                                + b.branch().label() + " at " + b.appliedHead().orElse("base") + ", code head "
                                + b.codeHead().orElse("base")
                                + "); run sync first, so the new revision starts where the migrations end");
            }
        }
    }

    /** Per phase: its change count and hazards (those that apply to {@code dialect}), then each change. */
    private static List<String> summary(Plan plan, Dialect dialect) {
        List<String> lines = new ArrayList<>();
        for (Branch phase : Branch.values()) {
            List<PlannedChange> changes = plan.changes(phase);
            if (changes.isEmpty()) {
                continue;
            }
            Set<String> hazards = new LinkedHashSet<>();
            plan.hazards(phase).stream()
                    .filter(h -> h.appliesTo(dialect))
                    .forEach(h -> hazards.add(h.code().name()));
            lines.add(phase.name().toLowerCase(Locale.ROOT) + ": " + changes.size()
                    + (changes.size() == 1 ? " change" : " changes")
                    + (hazards.isEmpty() ? "" : ", hazards " + String.join(", ", hazards)));
            for (PlannedChange c : changes) {
                lines.add("  " + ChangeWords.describe(c.change()));
            }
        }
        return lines;
    }
}
