package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.PlanSql;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @Collate} and {@code @GeneratedColumn} end to end on each database: version 1 generated
 * from an empty database and applied diffs to nothing; version 2 (another collation, another
 * expression) is planned in contract, applied, and diffs to nothing, the rows computed anew.
 * Collation names are the database's own, so MariaDB's entities name MariaDB collations; H2
 * reads PostgreSQL's and, having no per-column collation, notes it instead of holding it.
 */
class ComputedColumnsTest {

    private static EntitySource entities(DbKind kind, String version) {
        String set = kind == DbKind.MARIADB ? "mariadb" : "pg";
        return EntitySource.packages(List.of(Path.of("target", "test-classes")),
                "dev.concertina.portability.computed." + set + "." + version);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void collationAndGeneratedColumnAreCreatedAndChanged(DbKind kind) throws Exception {
        Dialect d = Autogenerate.dialect(kind);
        TargetDatabase target = TargetDatabase.of(d);
        EntityModel v1 = new EntitySchemaReader(target).readModel(entities(kind, "v1"));
        EntityModel v2 = new EntitySchemaReader(target).readModel(entities(kind, "v2"));
        String table = d.foldUnquoted("Gauge");
        Column code = column(v1, table, d.foldUnquoted("code"));
        Column area = column(v1, table, d.foldUnquoted("area"));
        assertEquals(kind == DbKind.H2 ? Optional.empty() : Optional.of(kind == DbKind.MARIADB ? "utf8mb4_bin" : "C"),
                code.details().collation());
        assertEquals(Optional.of("width * height"), area.details().generated());
        if (kind == DbKind.H2) {
            assertTrue(v1.schema().notes().stream().anyMatch(n -> n.contains("collation C") && n.contains("H2")),
                    v1.schema().notes()::toString);
        }
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            String pkg = "dev.concertina.portability.generated.computed." + d.label();
            List<GeneratedMigration> first = Autogenerate.write(Autogenerate.live(db, d), v1, d, pkg + ".v1",
                    "gauge", BranchHead.empty(), BranchHead.empty());
            String sql = PlanSql.render(Autogenerate.plan(Autogenerate.live(db, d), v1), d, d);
            assertTrue(sql.contains(" generated always as (width * height)"), sql);
            List<ResolvedMigration> applied = new ArrayList<>(Autogenerate.compile(first));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "after version 1");
            db.execute("insert into Gauge (id, code, width, height) values (1, 'b', 3, 4)");
            assertEquals(12, area(db));

            List<GeneratedMigration> second = Autogenerate.write(Autogenerate.live(db, d), v2, d, pkg + ".v2",
                    "gauge v2", head(first, Branch.EXPAND), head(first, Branch.CONTRACT));
            String contract = second.stream().filter(g -> g.branch() == Branch.CONTRACT)
                    .map(GeneratedMigration::source).findFirst().orElse("no contract class");
            assertTrue(contract.contains("ColumnExtras.addGenerated(ctx"), contract);
            if (kind != DbKind.H2) {
                assertTrue(contract.contains("changeType("), contract);
            }
            applied.addAll(Autogenerate.compile(second));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v2), "after version 2");
            assertEquals(7, area(db), "computed anew by the new expression");
        }
        if (kind == DbKind.H2) {
            // The class generated for PostgreSQL runs on H2 too, without the collation H2 cannot hold.
            EntityModel postgres = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(entities(kind, "v1"));
            List<GeneratedMigration> fromPostgres = Autogenerate.write(Schema.EMPTY, postgres, Dialect.POSTGRES,
                    "dev.concertina.portability.generated.computed.pg2h2", "gauge", BranchHead.empty(), BranchHead.empty());
            assertTrue(fromPostgres.get(0).source().contains("ColumnExtras.collated(ctx, SQLDataType.VARCHAR(255), \"C\")"),
                    fromPostgres.get(0).source());
            try (FreshDatabase db = FreshDatabase.create(kind)) {
                Autogenerate.sync(db, Autogenerate.compile(fromPostgres));
                assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "PostgreSQL's class on H2");
            }
        }
    }

    private static Column column(EntityModel m, String table, String column) {
        return m.schema().table(table).orElseThrow().column(column).orElseThrow();
    }

    private static int area(FreshDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select area from Gauge where id = 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static BranchHead head(List<GeneratedMigration> generated, Branch branch) {
        return generated.stream().filter(m -> m.branch() == branch).findFirst()
                .map(m -> BranchHead.of(m.revision(), 1)).orElse(BranchHead.empty());
    }
}
