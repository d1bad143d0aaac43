package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Branch;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, end to end on each database: two tables renamed while both releases write, one with a
 * generated column ({@code gauge_a} → {@code gauge_b}), one with an identity key made GENERATED ALWAYS
 * on PostgreSQL and H2 ({@code acct_a} → {@code acct_b}). After expand the old release writes the old
 * tables and the new release the new ones, the rows match; after contract the schema diffs to nothing.
 */
class RenamedTablesEndToEndTest {

    private static EntityModel model(Dialect d, String version) {
        return new EntitySchemaReader(TargetDatabase.of(d)).readModel(EntitySource.packages(
                List.of(Path.of("target", "test-classes")), "dev.concertina.portability.renamed." + version));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void renamedTablesKeepBothReleasesWriting(DbKind kind) throws Exception {
        Dialect d = Autogenerate.dialect(kind);
        EntityModel v1 = model(d, "v1");
        EntityModel v2 = model(d, "v2");
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            String pkg = "dev.concertina.portability.generated.renamed." + d.label();
            List<GeneratedMigration> first = Autogenerate.write(Autogenerate.live(db, d), v1, d, pkg + ".v1",
                    "tables", BranchHead.empty(), BranchHead.empty());
            List<ResolvedMigration> applied = new ArrayList<>(Autogenerate.compile(first));
            sync(db, applied, SyncScope.ALL);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "after version 1");
            if (kind != DbKind.MARIADB) {
                db.execute("alter table acct_a alter column id set generated always");
            }
            db.execute("insert into gauge_a (id, width, height) values (1, 2, 3)");
            db.execute("insert into acct_a (name) values ('seed')");

            PlanHints renames = PlanHints.NONE
                    .withTableRename(d.foldUnquoted("gauge_a"), d.foldUnquoted("gauge_b"))
                    .withTableRename(d.foldUnquoted("acct_a"), d.foldUnquoted("acct_b"));
            var plan = Planner.plan(Differ.diff(Autogenerate.live(db, d), v2.schema(), DiffOptions.DEFAULTS), renames)
                    .withQuotedNames(v2.schema().quotedNames())
                    .withSpellings(v2.schema().spellings())
                    .requireDecided();
            List<GeneratedMigration> second = MigrationWriter.write(plan, MigrationRequest.of(pkg + ".v2", "rename",
                    d, head(first, Branch.EXPAND), head(first, Branch.CONTRACT)));
            applied.addAll(Autogenerate.compile(second));
            sync(db, applied, SyncScope.EXPAND);

            // Both releases at once: the old one writes the old tables, the new one the new tables.
            db.execute("insert into gauge_a (id, width, height) values (2, 4, 5)");
            db.execute("update gauge_a set width = 10 where id = 1");
            db.execute("insert into gauge_b (id, width, height) values (3, 6, 7)");
            db.execute("update gauge_b set height = 10 where id = 2");
            db.execute("insert into acct_a (name) values ('old')");
            db.execute("insert into acct_b (name) values ('new')");
            db.execute("update acct_b set name = 'seed2' where name = 'seed'");
            List<List<Object>> gauges = List.of(List.of(1L, 10L, 3L, 30L), List.of(2L, 4L, 10L, 40L), List.of(3L, 6L, 7L, 42L));
            assertEquals(gauges, rows(db, "select id, width, height, area from gauge_a order by id"));
            assertEquals(gauges, rows(db, "select id, width, height, area from gauge_b order by id"));
            List<List<Object>> accounts = rows(db, "select id, name from acct_a order by id");
            assertEquals(accounts, rows(db, "select id, name from acct_b order by id"));
            assertEquals(List.of("seed2", "old", "new"), accounts.stream().map(r -> r.get(1)).toList());

            sync(db, applied, SyncScope.ALL);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v2), "after version 2");
            db.execute("insert into acct_b (name) values ('after')");
            assertEquals(gauges, rows(db, "select id, width, height, area from gauge_b order by id"));
            assertEquals(4, rows(db, "select id from acct_b").size());
        }
    }

    private static void sync(FreshDatabase db, List<ResolvedMigration> migrations, SyncScope scope) {
        try (Migrator m = Migrator.open(MigratorConfig.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .migrations(MigrationSource.of(migrations))
                .build())) {
            m.sync(scope);
        }
    }

    private static List<List<Object>> rows(FreshDatabase db, String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = r.getObject(i);
                    row.add(v instanceof Number x ? (Object) x.longValue() : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static BranchHead head(List<GeneratedMigration> generated, Branch branch) {
        return generated.stream().filter(m -> m.branch() == branch).findFirst()
                .map(m -> BranchHead.of(m.revision(), 1)).orElse(BranchHead.empty());
    }
}
