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
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;

/** What {@code revision --autogenerate} and {@code sync} do, in process, for the portability tests. */
final class Autogenerate {

    private Autogenerate() {}

    static Dialect dialect(DbKind kind) {
        return switch (kind) {
            case H2 -> Dialect.H2;
            case POSTGRES -> Dialect.POSTGRES;
            case MARIADB -> Dialect.MARIADB;
        };
    }

    /** The migration classes that bring {@code live} to {@code model}, as autogenerate writes them. */
    static List<GeneratedMigration> write(
            Schema live, EntityModel model, Dialect d, String pkg, String message, BranchHead expand, BranchHead contract) {
        return MigrationWriter.write(plan(live, model), MigrationRequest.of(pkg, message, d, expand, contract));
    }

    /** The plan that brings {@code live} to {@code model}, as autogenerate makes it. */
    static Plan plan(Schema live, EntityModel model) {
        return Planner.plan(Differ.diff(live, model.schema(), DiffOptions.DEFAULTS), PlanHints.NONE)
                .withQuotedNames(model.schema().quotedNames())
                .withSpellings(model.schema().spellings())
                .requireDecided();
    }

    /** {@code generated} compiled in memory, without a javac diagnostic. */
    static List<ResolvedMigration> compile(List<GeneratedMigration> generated) {
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(generated, Autogenerate.class.getClassLoader());
        assertEquals(List.of(), compiled.diagnostics(), "javac diagnostics");
        return generated.stream()
                .map(g -> ResolvedMigration.of(compiled.classes().get(g.className())))
                .toList();
    }

    static void sync(FreshDatabase db, List<ResolvedMigration> migrations) {
        try (Migrator m = Migrator.open(MigratorConfig.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .migrations(MigrationSource.of(migrations))
                .build())) {
            m.sync(SyncScope.ALL);
        }
    }

    static Schema live(FreshDatabase db, Dialect d) throws Exception {
        try (Connection c = db.connect()) {
            return LiveSchemaReader.read(c, d, db.schema());
        }
    }

    /** {@code "diff = 0"}, or the first changes between the database and {@code model}. */
    static String diff(FreshDatabase db, Dialect d, EntityModel model) throws Exception {
        List<Change> changes = Differ.diff(live(db, d), model.schema(), DiffOptions.DEFAULTS);
        return changes.isEmpty()
                ? "diff = 0"
                : changes.size() + " changes: " + changes.stream().limit(6).map(Object::toString).toList();
    }
}
