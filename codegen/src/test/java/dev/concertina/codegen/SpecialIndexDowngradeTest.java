package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The downgrade of a contract that dropped an index Concertina cannot build (partial, expression,
 * INCLUDE, gin; MariaDB FULLTEXT and SPATIAL) refuses before it runs anything, saying which index
 * and why, instead of building a plain index in its place (issue #12). The plan's step says what
 * is special about each index.
 */
class SpecialIndexDowngradeTest {

    @Test
    void postgresPartialExpressionIncludeAndGinIndexes() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            db.execute(
                    "create table j (id integer primary key, note varchar(100), doc jsonb)",
                    "create index j_part on j (note) where note <> ''",
                    "create index j_expr on j (lower(note))",
                    "create index j_incl on j (id) include (note)",
                    "create index j_gin on j using gin (doc)");
            String source = dropAllAndDowngrade(db, Dialect.POSTGRES, "j", List.of(
                    "dropped index \"j_part\" is partial (where ",
                    "dropped index \"j_expr\" has an expression key (lower(note))",
                    "dropped index \"j_incl\" has INCLUDE (note)",
                    "dropped index \"j_gin\" is a gin index"));
            assertTrue(source.contains("using gin (doc)"), source);
        }
    }

    @Test
    void mariaDbFulltextAndSpatialIndexes() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB)) {
            db.execute(
                    "create table item (id integer primary key, body text, place geometry not null) engine=InnoDB",
                    "create fulltext index item_body_ft on item (body)",
                    "create spatial index g_sp on item (place)");
            dropAllAndDowngrade(db, Dialect.MARIADB, "item", List.of(
                    "dropped index \"item_body_ft\" is a fulltext index",
                    "dropped index \"g_sp\" is a spatial index"));
        }
    }

    /**
     * Plans the drop of every index of {@code table}, runs it, then asks for the contract's
     * downgrade: refused with each of {@code reasons}, the schema as the upgrade left it.
     */
    private static String dropAllAndDowngrade(FreshDatabase db, Dialect d, String table, List<String> reasons)
            throws Exception {
        Schema live = Harness.read(db, d);
        Table t = live.table(table).orElseThrow();
        assertEquals(reasons.size(), t.indexes().size(), "indexes read: " + t.indexes());
        Schema desired = new Schema(List.of(t.withIndexes(List.of())), List.of());
        Plan plan = Planner.plan(Differ.diff(live, desired, DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
        String steps = plan.contract().stream().map(Step::describe).collect(Collectors.joining("\n"));
        List<GeneratedMigration> classes = MigrationWriter.write(plan, MigrationRequest.of(
                "com.example.db.special_index_" + d.name().toLowerCase(java.util.Locale.ROOT), "drop special indexes",
                d, BranchHead.empty(), BranchHead.empty()));
        String source = classes.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
        assertFalse(source.contains("createIndex"), "no plain index is built in their place:\n" + source);
        try (Migrator m = Harness.migrator(db, Harness.compile(classes))) {
            m.sync(SyncScope.ALL);
            Schema dropped = Harness.read(db, d);
            assertEquals(List.of(), dropped.table(table).orElseThrow().indexes());
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.downgrade("contract@base"));
            assertEquals(ErrorCode.REFUSED, e.code(), e.getMessage());
            for (String reason : reasons) {
                assertTrue(e.getMessage().contains(reason), "'" + reason + "' in: " + e.getMessage());
            }
            assertTrue(e.getMessage().contains("write the downgrade by hand"), e.getMessage());
            assertEquals(List.of(), SchemaDifferences.between(dropped, Harness.read(db, d)), "nothing ran");
        }
        return steps;
    }
}
