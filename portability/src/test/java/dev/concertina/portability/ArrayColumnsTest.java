package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.concertina.engine.model.TypeKind;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate 7's basic arrays ({@code String[]}, {@code List<Integer>}) read from the entities for
 * PostgreSQL are arrays, and the class generated from an empty PostgreSQL database builds what
 * Hibernate gives each database: {@code varchar(255)[]} on PostgreSQL, {@code varchar(255) array}
 * on H2, a JSON document on MariaDB; each then diffs to nothing against the entities read for it.
 * (Not in the nine-cell matrix: a class generated from MariaDB's model, which sees only JSON,
 * cannot know PostgreSQL wants an array.)
 */
class ArrayColumnsTest {

    private static final EntitySource ENTITIES = EntitySource.packages(List.of(Path.of("target", "test-classes")),
            "dev.concertina.portability.arrays");

    private static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }

    @Test
    void arraysGeneratedOnPostgresBuildHibernatesTypeEverywhere() throws Exception {
        EntityModel postgres = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(ENTITIES);
        assertEquals(List.of(TypeKind.BIGINT, TypeKind.ARRAY, TypeKind.ARRAY),
                postgres.schema().table("tagged").orElseThrow().columns().stream().map(c -> c.type().kind()).toList());
        Schema empty;
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection c = db.connect()) {
            empty = LiveSchemaReader.read(c, Dialect.POSTGRES, db.schema());
        }
        Plan plan = Planner.plan(Differ.diff(empty, postgres.schema(), DiffOptions.DEFAULTS), PlanHints.NONE)
                .withQuotedNames(postgres.schema().quotedNames()).withSpellings(postgres.schema().spellings()).requireDecided();
        List<GeneratedMigration> generated = MigrationWriter.write(plan, MigrationRequest.of(
                "dev.concertina.portability.generated.arrays", "arrays", Dialect.POSTGRES, BranchHead.empty(), BranchHead.empty()));
        String source = generated.stream().map(GeneratedMigration::source).reduce("", String::concat);
        assertTrue(source.contains("PortableTypes.array(ctx, SQLDataType.VARCHAR(255))"), source);
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(generated, getClass().getClassLoader());
        assertEquals(List.of(), compiled.diagnostics());
        List<ResolvedMigration> migrations = generated.stream().map(g -> ResolvedMigration.of(compiled.classes().get(g.className()))).toList();

        List<String> cells = new ArrayList<>();
        for (DbKind target : DbKind.values()) {
            EntityModel expected = new EntitySchemaReader(TargetDatabase.of(dialect(target))).readModel(ENTITIES);
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
                cells.add(target + ": " + (diff.isEmpty() ? "diff = 0" : diff.toString()));
            }
        }
        assertEquals(List.of("H2: diff = 0", "POSTGRES: diff = 0", "MARIADB: diff = 0"), cells);
    }
}
