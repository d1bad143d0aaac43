package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A type Concertina has no portable spelling for ({@code tsvector}, {@code point},
 * {@code geometry}) never refuses the plan (issue 12): a column of it made NOT NULL, and NULL
 * again by the downgrade, is written with the type as the database declared it, and keeps it.
 */
class DeclaredTypeTest {

    @Test
    void postgresTypesWithoutAPortableSpelling() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            db.execute(
                    "create table doc (id integer primary key, words tsvector, spot point)",
                    "insert into doc values (1, to_tsvector('simple', 'a b'), point(1, 2))");
            notNullAndBack(db, Dialect.POSTGRES, "doc", "words", "spot");
        }
    }

    @Test
    void mariaDbTypesWithoutAPortableSpelling() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB)) {
            db.execute(
                    "create table place (id integer primary key, area polygon, spot geometry)",
                    "insert into place values (1, ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'), point(1, 2))");
            notNullAndBack(db, Dialect.MARIADB, "place", "area", "spot");
        }
    }

    /**
     * Plans {@code first} and {@code second} made NOT NULL, runs expand and contract, then
     * downgrades to base: both are nullable again, each with its own type.
     */
    private static void notNullAndBack(FreshDatabase db, Dialect d, String table, String first, String second)
            throws Exception {
        Schema live = Harness.read(db, d);
        Table t = live.table(table).orElseThrow();
        assertEquals(TypeKind.UNSUPPORTED, t.column(second).orElseThrow().type().kind(), "read as " + t);
        List<Column> columns = t.columns().stream()
                .map(c -> c.name().equals(first) || c.name().equals(second) ? c.withNullable(false) : c)
                .toList();
        Schema desired = new Schema(List.of(t.withColumns(columns)), List.of());
        Plan plan = Planner.plan(Differ.diff(live, desired, DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
        List<GeneratedMigration> classes = MigrationWriter.write(plan, MigrationRequest.of(
                "com.example.db.declared_" + d.name().toLowerCase(java.util.Locale.ROOT), "declared types",
                d, BranchHead.empty(), BranchHead.empty()));
        String source = classes.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
        assertTrue(source.contains("ColumnExtras.declared(\"" + t.column(second).orElseThrow().type().raw()), source);
        try (Migrator m = Harness.migrator(db, Harness.compile(classes))) {
            m.sync(SyncScope.ALL);
            assertEquals(List.of(), SchemaDifferences.between(desired, Harness.read(db, d)), "upgraded");
            m.downgrade("contract@base");
            m.downgrade("expand@base");
            assertEquals(List.of(), SchemaDifferences.between(live, Harness.read(db, d)), "downgraded");
        }
    }
}
