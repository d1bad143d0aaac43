package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.InMemoryCompiler;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One class builds the entities' schema on every database. A varied entity set (upper-case and
 * quoted names, camelCase default naming, ordinal and string enums, {@code byte[]}, {@code @Lob},
 * every {@code java.time} type, element collections, a join table, sequences and identities,
 * descending index keys and a JSON document) is
 * read for each database kind, compared with that kind's empty database and generated into a
 * migration class, as {@code revision --autogenerate} does; each class is then applied to a fresh
 * database of every kind, and the diff of that database against the entities read for it must be
 * empty: nine cells, all at zero.
 */
class OneClassEveryDatabaseTest {

    private static final EntitySource ENTITIES = EntitySource.packages(List.of(Path.of("target", "test-classes")),
            "dev.concertina.portability.entities");

    private static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }

    @Test
    void generatedOnEachDatabaseKindAppliedToEveryKindDiffsToNothing() throws Exception {
        Map<DbKind, EntityModel> models = new EnumMap<>(DbKind.class);
        Map<DbKind, List<ResolvedMigration>> classes = new EnumMap<>(DbKind.class);
        for (DbKind kind : DbKind.values()) {
            models.put(kind, new EntitySchemaReader(TargetDatabase.of(dialect(kind))).readModel(ENTITIES));
        }
        for (DbKind source : DbKind.values()) {
            classes.put(source, generate(source, models.get(source)));
        }
        List<String> cells = new ArrayList<>();
        for (DbKind source : DbKind.values()) {
            for (DbKind target : DbKind.values()) {
                cells.add("generated on " + source + ", applied to " + target + ": " + apply(classes.get(source), target, models.get(target)));
            }
        }
        List<String> expected = cells.stream().map(c -> c.substring(0, c.indexOf(": ")) + ": diff = 0").toList();
        assertEquals(String.join("\n", expected), String.join("\n", cells));
    }

    /** The migration {@code revision --autogenerate} writes against an empty database of {@code source}. */
    private List<ResolvedMigration> generate(DbKind source, EntityModel model) throws Exception {
        Dialect d = dialect(source);
        Schema empty;
        try (FreshDatabase db = FreshDatabase.create(source); Connection c = db.connect()) {
            empty = LiveSchemaReader.read(c, d, db.schema());
        }
        Plan plan = Planner.plan(Differ.diff(empty, model.schema(), DiffOptions.DEFAULTS), PlanHints.NONE)
                .withQuotedNames(model.schema().quotedNames()).withSpellings(model.schema().spellings()).requireDecided();
        List<GeneratedMigration> generated = MigrationWriter.write(plan, MigrationRequest.of(
                "dev.concertina.portability.generated." + d.label(), "entities on " + d.label(), d, BranchHead.empty(), BranchHead.empty()));
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(generated, getClass().getClassLoader());
        assertEquals(List.of(), compiled.diagnostics(), "javac diagnostics of the class generated on " + source);
        return generated.stream().map(g -> ResolvedMigration.of(compiled.classes().get(g.className()))).toList();
    }

    /** "diff = 0", or what failed or differs. */
    private static String apply(List<ResolvedMigration> migrations, DbKind target, EntityModel expected) {
        try (FreshDatabase db = FreshDatabase.create(target)) {
            try (Migrator m = Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                    .migrations(MigrationSource.of(migrations)).build())) {
                m.sync(SyncScope.ALL);
            }
            Schema live;
            try (Connection c = db.connect()) {
                live = LiveSchemaReader.read(c, dialect(target), db.schema());
            }
            List<Change> diff = Differ.diff(live, expected.schema(), DiffOptions.DEFAULTS);
            return diff.isEmpty() ? "diff = 0" : diff.size() + " changes: " + diff.stream().limit(6).map(Object::toString).toList();
        } catch (Exception | AssertionError e) {
            String message = String.valueOf(e.getMessage());
            return "failed: " + e.getClass().getSimpleName() + " " + message.lines().findFirst().orElse("").toLowerCase(Locale.ROOT)
                    .substring(0, Math.min(300, message.lines().findFirst().orElse("").length()));
        }
    }
}
