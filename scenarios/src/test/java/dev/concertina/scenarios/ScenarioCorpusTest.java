package dev.concertina.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.InMemoryCompiler;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.RulesFilter;
import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.PlanText;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario corpus ({@link Scenario}) on H2, PostgreSQL and MariaDB: Hibernate's DDL of model
 * v1 in an empty database, read back live, diffed against model v2 read for that database,
 * planned with the scenario's hints; the plan text must equal the golden file. Then the plan is
 * generated into migration classes, compiled in memory and applied (expand, then contract)
 * through the {@link Migrator}: the database must then equal model v2, a second diff must plan
 * nothing, and the seeded rows must have survived.
 *
 * <p>{@code -Dscenarios=a,b} narrows the run; {@code -Dgolden.update=true} rewrites the golden
 * files (PostgreSQL's plan is the shared {@code expected-plan.txt}; a database whose plan differs
 * gets its own {@code expected-plan.<db>.txt}).
 */
class ScenarioCorpusTest {

    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Generated sources compile once per distinct text (the databases often share it). */
    private static final Map<String, List<Class<?>>> MIGRATIONS = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        Set<String> only = Set.of(System.getProperty("scenarios", "").split(","));
        // PostgreSQL first: under -Dgolden.update=true its plan becomes the shared golden file.
        List<DbKind> order = List.of(DbKind.POSTGRES, DbKind.MARIADB, DbKind.H2);
        return Scenario.all().stream().filter(s -> only.contains("") || only.contains(s.name()))
                .flatMap(s -> order.stream().map(k -> Arguments.of(s.name(), k)));
    }

    static Dialect dialect(DbKind kind) {
        return switch (kind) {
            case H2 -> Dialect.H2;
            case POSTGRES -> Dialect.POSTGRES;
            case MARIADB -> Dialect.MARIADB;
        };
    }

    /** What a scenario gives on one database before anything is migrated. */
    record Prepared(Dialect dialect, List<String> ddl, Schema current, Schema desired, PlanHints hints, Plan plan) {}

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void planEqualsGolden(String name, DbKind kind) throws Exception {
        Scenario s = Scenario.named(name);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Prepared p = prepare(s, db);
            golden(s, kind, render(p.plan()));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void migrationsReachModelV2(String name, DbKind kind) throws Exception {
        Scenario s = Scenario.named(name);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Prepared p = prepare(s, db);
            if (!p.plan().possibleRenames().isEmpty()) {
                // A refused plan generates nothing: the refusal itself is the golden's last line.
                assertThrows(ConcertinaException.class, p.plan()::requireDecided);
                return;
            }
            assertTrue(!p.plan().isEmpty(), "scenario " + name + " plans nothing on " + kind);
            Optional<String> gap = s.knownGap(kind);
            if (gap.isPresent()) {
                Throwable t = assertThrows(Throwable.class, () -> migrate(s, p, db),
                        "known gap closed: " + name + " on " + kind + " now migrates; delete its line from known-gaps");
                assertTrue(String.valueOf(t.getMessage()).contains(gap.get()),
                        "known gap of " + name + " on " + kind + " fails differently now: " + t);
                return;
            }
            migrate(s, p, db);
        }
    }

    /** Generate, compile, expand, contract; then the database is model v2 and the rows survived. */
    static void migrate(Scenario s, Prepared p, FreshDatabase db) throws Exception {
        DbKind kind = db.kind();
        List<Class<?>> classes = migrations(s, p);
        Dialect d = p.dialect();
        // Issue 14 item 6: after each step the application sees, each release allowed then writes.
        StepBoundaryWrites boundaries = new StepBoundaryWrites(db, d, s, p.current(), p.desired());
        try (Migrator m = Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .listener(boundaries)
                .migrations(MigrationSource.of(classes.stream().map(ResolvedMigration::of).toList())).build())) {
            boundaries.beforeExpand();
            m.sync(SyncScope.EXPAND);
            // Expand only adds and relaxes: what old code wrote is still there, as it wrote it.
            checkRows(db, d, s.seed(), "after expand on " + kind);
            // Old code keeps writing between expand and contract: its rows must reach model v2 too.
            try (Connection c = db.connect()) {
                DSLContext dsl = dsl(c, d);
                s.duringExpand().forEach(line -> Rows.parse(line).insert(dsl, d));
            }
            m.sync(SyncScope.CONTRACT);
        }
        Schema after = read(db, d);
        assertEquals(List.of(), SchemaDifferences.between(p.desired(), after), "live schema vs model v2 after expand + contract on " + kind);
        Plan again = Planner.plan(Differ.diff(after, p.desired(), diffOptions(s)), p.hints());
        assertTrue(again.isEmpty(), "second plan on " + kind + " is not empty:\n" + PlanText.render(again));
        checkRows(db, d, s.expect(), "after contract on " + kind);
        assertEquals(List.of(), boundaries.errors(), "writes that failed at a step boundary on " + kind);
    }

    /** Per scenario and database: v1's DDL and the plan, shared by both tests (Hibernate and the crawl are the slow part). */
    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    /**
     * v1's DDL and rows in the empty database; the first time per scenario and database, also the
     * database read back, v2 read for the database, and the plan.
     */
    static Prepared prepare(Scenario s, FreshDatabase db) throws Exception {
        Dialect d = dialect(db.kind());
        String key = s.name() + "@" + db.kind();
        Prepared cached = PREPARED.get(key);
        TargetDatabase target = TargetDatabase.of(d);
        Path v1 = EntityCompiler.classes(s, "v1");
        Path v2 = EntityCompiler.classes(s, "v2");
        List<String> ddl = cached != null ? cached.ddl() : EntityDdl.createScript(EntitySource.packages(List.of(v1), "scn"), target);
        db.execute(ddl.toArray(new String[0]));
        try (Connection c = db.connect()) {
            DSLContext dsl = dsl(c, d);
            s.seed().forEach(line -> Rows.parse(line).insert(dsl, d));
        }
        if (cached != null) {
            return cached;
        }
        Schema current = read(db, d);
        // The model's @RenamedFrom renames merged with the hints file, as the command line does.
        EntityModel model = new EntitySchemaReader(target).readModel(EntitySource.packages(List.of(v2), "scn"));
        Schema desired = model.schema();
        Hints fileHints = s.hints().map(h -> IgnoreRules.parse(h).hints()).orElse(Hints.empty());
        PlanHints hints = PlanHints.from(Hints.merge(fileHints, model.renames()));
        Plan plan = Planner.plan(Differ.diff(current, desired, diffOptions(s)), hints);
        Prepared p = new Prepared(d, ddl, current, desired, hints, plan);
        PREPARED.put(key, p);
        return p;
    }

    /** The differ's options: the {@code [policy]} section of the scenario's rules file, if it has one. */
    static DiffOptions diffOptions(Scenario s) {
        return DiffOptions.DEFAULTS.withIgnore(RulesFilter.of(s.hints().map(IgnoreRules::parse).orElse(IgnoreRules.none())));
    }

    /** The plan text, and for an undecided plan the refusal autogenerate gives. */
    static String render(Plan plan) {
        String text = PlanText.render(plan);
        if (!plan.possibleRenames().isEmpty()) {
            ConcertinaException e = assertThrows(ConcertinaException.class, plan::requireDecided);
            text += (text.endsWith("\n") ? "" : "\n") + "refused: " + e.getMessage() + "\n";
        }
        return text;
    }

    static void golden(Scenario s, DbKind kind, String actual) throws IOException {
        if (UPDATE) {
            Path shared = s.sharedGolden();
            Path own = s.dialectGolden(kind);
            if (kind == DbKind.POSTGRES) {
                Files.writeString(shared, actual, StandardCharsets.UTF_8);
                Files.deleteIfExists(own);
            } else if (Files.exists(shared) && Files.readString(shared, StandardCharsets.UTF_8).equals(actual)) {
                Files.deleteIfExists(own);
            } else {
                Files.writeString(own, actual, StandardCharsets.UTF_8);
            }
        }
        Path file = s.golden(kind);
        assertTrue(Files.exists(file), "no golden file " + file + " (run with -Dgolden.update=true to create it)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "plan of " + s.name() + " on " + kind + " differs from " + file);
    }

    static List<Class<?>> migrations(Scenario s, Prepared p) {
        List<GeneratedMigration> generated = MigrationWriter.write(p.plan().requireDecided(),
                MigrationRequest.of("scn.migrations", s.name().replace('-', ' '), p.dialect(), BranchHead.empty(), BranchHead.empty()));
        String key = generated.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
        return MIGRATIONS.computeIfAbsent(key, k -> {
            InMemoryCompiler.Result r = InMemoryCompiler.compile(generated, ScenarioCorpusTest.class.getClassLoader());
            assertEquals(List.of(), r.diagnostics(), "javac diagnostics for the generated migrations of " + s.name());
            return generated.stream().<Class<?>>map(g -> r.classes().get(g.className())).toList();
        });
    }

    static void checkRows(FreshDatabase db, Dialect d, List<String> lines, String where) throws Exception {
        try (Connection c = db.connect()) {
            DSLContext dsl = dsl(c, d);
            lines.forEach(line -> Rows.parse(line).assertPresent(dsl, d, where));
        }
    }

    static Schema read(FreshDatabase db, Dialect d) throws Exception {
        try (Connection c = db.connect()) {
            return LiveSchemaReader.read(c, d, db.schema());
        }
    }

    static DSLContext dsl(Connection c, Dialect d) {
        return DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withExecuteLogging(false));
    }
}
