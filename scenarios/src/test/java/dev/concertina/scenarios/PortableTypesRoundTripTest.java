package dev.concertina.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.InMemoryCompiler;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One generated migration class, many databases: entities with enumerations, large objects and
 * zoned timestamps ({@code portable.v1}, then {@code portable.v2} with enum values and columns
 * added) are read for dialect Y, planned (empty → v1, then v1 → v2), generated and compiled; the
 * classes then run on database X, and X read back must equal what Hibernate maps the same
 * entities to on X — for every pair X, Y.
 *
 * <p>What the planning database cannot show is carried by the entity model
 * ({@code ColumnType.mapped}): zoned timestamps planned on MariaDB (whose {@code datetime} has no
 * zone) and a {@code byte[]}'s length planned on PostgreSQL ({@code bytea} has none) still build
 * Hibernate's types elsewhere, so every pair is exact.
 */
class PortableTypesRoundTripTest {

    private static final Path CLASSES = Path.of("target", "test-classes");
    private static final String V1 = "dev.concertina.scenarios.portable.v1";
    private static final String V2 = "dev.concertina.scenarios.portable.v2";

    private static final Map<String, Schema> MODELS = new ConcurrentHashMap<>();

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (DbKind x : DbKind.values()) {
            for (DbKind y : DbKind.values()) {
                out.add(Arguments.of(x, y));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "run on {0}, planned on {1}")
    @MethodSource("pairs")
    void generatedOnOneDatabaseBuildsWhatHibernateExpectsOnAnother(DbKind x, DbKind y) throws Exception {
        Dialect dx = ScenarioCorpusTest.dialect(x);
        Dialect dy = ScenarioCorpusTest.dialect(y);
        Plan create = Planner.plan(Differ.diff(Schema.EMPTY, model(V1, dy), DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
        Plan change = Planner.plan(Differ.diff(model(V1, dy), model(V2, dy), DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
        String pkg = "rt.planned_on_" + dy.name().toLowerCase(Locale.ROOT);
        List<GeneratedMigration> base = MigrationWriter.write(create,
                MigrationRequest.of(pkg, "create gadget", dy, BranchHead.empty(), BranchHead.empty()));
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(MigrationWriter.write(change, MigrationRequest.of(pkg, "more colours", dy, BranchHead.of(base.get(0).revision(), 1),
                BranchHead.empty())));
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(all, getClass().getClassLoader());
        assertEquals(List.of(), compiled.diagnostics(), "javac diagnostics");
        List<ResolvedMigration> migrations = all.stream().map(g -> ResolvedMigration.of(compiled.classes().get(g.className()))).toList();

        try (FreshDatabase db = FreshDatabase.create(x)) {
            MigratorConfig config = MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                    .migrations(MigrationSource.of(migrations)).build();
            try (Migrator m = Migrator.open(config)) {
                m.upgrade(base.get(0).revision());
                assertEquals(Set.of(), new TreeSet<>(SchemaDifferences.between(model(V1, dx), ScenarioCorpusTest.read(db, dx))),
                        "v1 built on " + x + " by classes planned on " + y);
                m.sync(SyncScope.EXPAND);
                m.sync(SyncScope.CONTRACT);
            }
            assertEquals(Set.of(), new TreeSet<>(SchemaDifferences.between(model(V2, dx), ScenarioCorpusTest.read(db, dx))),
                    "v2 built on " + x + " by classes planned on " + y);
        }
    }

    private static Schema model(String pkg, Dialect d) {
        return MODELS.computeIfAbsent(pkg + "@" + d, k -> new EntitySchemaReader(TargetDatabase.of(d))
                .read(EntitySource.packages(List.of(CLASSES), pkg)));
    }
}
