package dev.concertina.codegen;

import dev.concertina.runtime.Branch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL view of a plan is what the generated classes run. */
class PlanSqlTest {

    /** For plans of plain DDL, the SQL view equals what the real generated class issues, statement for statement. */
    @ParameterizedTest
    @ValueSource(strings = {"add_table", "drop_table", "drop_foreign_key", "widen_type", "set_default", "drop_default", "add_index",
            "drop_index", "drop_not_null"})
    void sqlViewEqualsWhatTheGeneratedClassRuns(String name) {
        Scenario s = Cases.named(name).orElseThrow();
        List<GeneratedMigration> real = s.generate("0123456789ab");
        List<Class<?>> classes = Harness.compile(real);
        List<Dialect> dialects = List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB);
        Map<Dialect, Map<Branch, List<String>>> views = PlanSql.statements(s.plan(), Dialect.POSTGRES, dialects);
        for (Dialect d : dialects) {
            Map<Branch, List<String>> view = views.get(d);
            assertEquals(real.size(), view.size());
            for (int i = 0; i < real.size(); i++) {
                Branch phase = real.get(i).branch();
                List<String> ran = PlanSql.record(classes.get(i), d);
                assertTrue(!ran.isEmpty());
                assertEquals(view.get(phase), ran, name + " " + phase + " on " + d);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB"})
    void realisticPlanRendersPerDialectWithHelpersAsComments(Dialect d) {
        String sql = PlanSql.render(Cases.realistic().plan(), Dialect.POSTGRES, d);
        String person = d == Dialect.H2 ? "PERSON" : "person";
        String q = d == Dialect.MARIADB ? "`" : "\"";
        assertTrue(sql.startsWith("-- expand (" + d.label() + ")\n"), sql);
        assertTrue(sql.contains("-- contract (" + d.label() + ")\n"), sql);
        assertTrue(sql.contains("create table " + q + (d == Dialect.H2 ? "ADDRESS" : "address") + q), sql);
        assertTrue(sql.contains("-- runtime SyncTriggers: install sync trigger on \"person\""), sql);
        assertTrue(sql.contains("-- runtime WriteGuard: install write guard on \"person\""), sql);
        assertTrue(sql.contains("alter table " + q + person + q), sql);
        assertTrue(!sql.contains("?"), "parameters are inlined: " + sql);
    }

    /** Hint templates render with the column quoted per dialect; the table sync is a runtime comment, the row copy SQL. */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB"})
    void templatesAndTableSyncRenderPerDialect(Dialect d) {
        String q = d == Dialect.MARIADB ? "`" : "\"";
        String age = q + (d == Dialect.H2 ? "AGE" : "age") + q;
        String renamed = PlanSql.render(Cases.named("rename_table").orElseThrow().plan(), Dialect.POSTGRES, d);
        assertTrue(renamed.contains("-- runtime TableSync: install table sync \"people\" <-> \"person\""), renamed);
        assertTrue(renamed.contains("-- runtime TableSync: drop table sync \"people\" <-> \"person\""), renamed);
        assertTrue(renamed.contains("insert into " + q + (d == Dialect.H2 ? "PERSON" : "person") + q), renamed);
        assertTrue(renamed.contains("CAST(" + age + " AS INTEGER) + 1000"), renamed);
        String converted = PlanSql.render(Cases.named("convert_hint").orElseThrow().plan(), Dialect.POSTGRES, d);
        assertTrue(converted.contains("= CAST(" + age + " AS INTEGER) + 1000"), converted);
        assertTrue(!converted.contains("{0}") && !renamed.contains("{0}"), "no placeholder left: " + converted);
    }

    /**
     * An index or check the database named (held without a name) is dropped by the name it has
     * when the migration runs: the SQL view, which reads no catalog, says so rather than showing
     * a name Concertina made up.
     */
    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB"})
    void dropsOfDatabaseNamedObjectsSayTheNameIsLookedUp(Dialect d) {
        Schema current = Models.schema(Cases.PERSON.withIndexes(List.of(Models.index("", false, "name")))
                .withChecks(List.of(Models.check("", "id > 0"))));
        Plan plan = Planner.plan(Differ.diff(current, Models.schema(Cases.PERSON), DiffOptions.DEFAULTS),
                PlanHints.NONE);
        String sql = PlanSql.render(plan, Dialect.POSTGRES, d);
        assertTrue(sql.contains("-- drop index on \"person\" (\"name\") (its name is looked up when the migration runs)"), sql);
        assertTrue(sql.contains("(its name is looked up when the migration runs)\n-- "), sql);
        assertTrue(sql.contains("drop check"), sql);
        assertTrue(!sql.contains("ix_person_name"), "no invented name: " + sql);
    }
}
