package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Plan rendering against golden files named after the test method
 * ({@code src/test/resources/golden/<method>.txt}). Run with {@code -Dgolden.update=true} to
 * rewrite them after an intended change, then review the diff.
 */
class RenderTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** A realistic plan: a rename, a split NOT NULL column, a widening, a narrowing, a drop, a new table with an FK. */
    static Plan sample() {
        Schema current = schema(
                checks(table("person", col("fullname", varchar(100)), col("age", INT), col("status", varchar(10)), col("legacy_code", chars(4))),
                        check("person_status_check", "status in ('ACTIVE','LOCKED')")),
                indexes(table("audit", col("who", varchar(200)), col("at", TIMESTAMP)), index("ix_audit_who", "who")));
        Schema desired = schema(
                checks(table("person", col("display_name", varchar(100)), col("age", BIGINT), col("status", varchar(10)),
                                req("email", varchar(255))),
                        check("", "status in ('ACTIVE','LOCKED','DELETED')")),
                indexes(table("audit", col("who", varchar(50)), col("at", TIMESTAMP)), index("ix_audit_who", "who")),
                fks(table("address", req("person_id", BIGINT), col("line", varchar(200))), fk("fk_address_person", "person_id", "person")));
        PlanHints hints = PlanHints.NONE.withColumnRename("person", "fullname", "display_name")
                .withBackfill("person", "email", "display_name || '@example.invalid'")
                .withNoRename("person", "legacy_code");
        return Planner.plan(Differ.diff(current, desired, DiffOptions.DEFAULTS), hints);
    }

    /** A plan that still has an open rename, and a warning. */
    static Plan undecided() {
        return Planner.plan(Differ.diff(
                schema(table("person", col("fullname", varchar(100)))),
                schema(table("person", col("display_name", varchar(100)), req("age", INT))), DiffOptions.DEFAULTS), PlanHints.NONE);
    }

    /** A plan of entities that are silent about an index, a NOT NULL and another tool's table. */
    static Plan withKept() {
        Schema database = schema(indexes(table("person", req("name", TEXT)), index("ix_person_name", "name")),
                table("flyway_schema_history", req("version", varchar(50))));
        Table person = table("person", col("name", varchar(255)), col("email", varchar(255)));
        Table entity = person.withOrigin(Origin.entity("com.acme.Person")).withColumns(person.columns().stream()
                .map(c -> c.withOrigin(Origin.attribute("com.acme.Person", c.name()))).toList());
        return Planner.plan(Differ.compare(database, schema(entity), DiffOptions.DEFAULTS), PlanHints.NONE);
    }

    /** Only kept differences: nothing to plan. */
    static Plan onlyKept() {
        return Planner.plan(Differ.compare(schema(table("flyway_schema_history", req("version", varchar(50)))),
                schema(), DiffOptions.DEFAULTS), PlanHints.NONE);
    }

    @Test void keptText(TestInfo t) throws IOException { golden(t, PlanText.render(withKept())); }
    @Test void keptJson(TestInfo t) throws IOException { golden(t, PlanJson.render(withKept())); }
    @Test void keptMarkdown(TestInfo t) throws IOException { golden(t, PlanMarkdown.render(withKept())); }
    @Test void onlyKeptText(TestInfo t) throws IOException { golden(t, PlanText.render(onlyKept())); }
    @Test void onlyKeptMarkdown(TestInfo t) throws IOException { golden(t, PlanMarkdown.render(onlyKept())); }

    @Test
    void keptDifferencesDoNotMakeThePlanNonEmpty() {
        assertTrue(onlyKept().isEmpty());
        assertEquals(1, onlyKept().kept().size());
        assertEquals(List.of("add column \"person\".\"email\" VARCHAR(255) NULL"),
                withKept().changes().stream().map(p -> p.change().describe()).toList());
        assertEquals(List.of("tool_table", "index", "not_null", "type"),
                withKept().kept().stream().map(k -> k.kind().label()).toList());
    }

    static Plan empty() {
        return Planner.plan(List.of(), PlanHints.NONE);
    }

    @Test void sampleText(TestInfo t) throws IOException { golden(t, PlanText.render(sample())); }
    @Test void sampleJson(TestInfo t) throws IOException { golden(t, PlanJson.render(sample())); }
    @Test void sampleMarkdown(TestInfo t) throws IOException { golden(t, PlanMarkdown.render(sample())); }
    @Test void sampleContractForPostgresText(TestInfo t) throws IOException {
        golden(t, PlanText.render(sample(), RenderOptions.ALL.onlyPhase(Branch.CONTRACT).forDialect(Dialect.POSTGRES)));
    }
    @Test void sampleForMariadbJson(TestInfo t) throws IOException {
        golden(t, PlanJson.render(sample(), RenderOptions.ALL.forDialect(Dialect.MARIADB)));
    }
    @Test void sampleExpandForH2Markdown(TestInfo t) throws IOException {
        golden(t, PlanMarkdown.render(sample(), RenderOptions.ALL.onlyPhase(Branch.EXPAND).forDialect(Dialect.H2)));
    }

    @Test
    void aDialectHidesHazardsThatDoNotApplyThere() {
        String pg = PlanText.render(sample(), RenderOptions.ALL.forDialect(Dialect.POSTGRES));
        String my = PlanText.render(sample(), RenderOptions.ALL.forDialect(Dialect.MARIADB));
        assertTrue(pg.contains("! VALIDATES_ROWS: SET NOT NULL through CHECK (column IS NOT NULL) NOT VALID + VALIDATE"), pg);
        assertTrue(!pg.contains("ALGORITHM=") && !pg.contains("LONG_LOCK"), pg);
        assertTrue(my.contains("! VALIDATES_ROWS: a shadow table with NOT NULL is filled in batches"), my);
        assertTrue(!my.contains("LONG_LOCK") && !my.contains("NOT VALID"), my);
        String mysql = PlanText.render(sample(), RenderOptions.ALL.forDialect(Dialect.MYSQL));
        assertTrue(mysql.contains("! VALIDATES_ROWS: the table is rebuilt in place (ALGORITHM=INPLACE, LOCK=NONE)"), mysql);
    }

    @Test void undecidedText(TestInfo t) throws IOException { golden(t, PlanText.render(undecided())); }
    @Test void undecidedJson(TestInfo t) throws IOException { golden(t, PlanJson.render(undecided())); }
    @Test void undecidedMarkdown(TestInfo t) throws IOException { golden(t, PlanMarkdown.render(undecided())); }
    @Test void emptyText(TestInfo t) throws IOException { golden(t, PlanText.render(empty())); }
    @Test void emptyJson(TestInfo t) throws IOException { golden(t, PlanJson.render(empty())); }
    @Test void emptyMarkdown(TestInfo t) throws IOException { golden(t, PlanMarkdown.render(empty())); }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheDocumentedShape() {
        Plan plan = sample();
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(PlanJson.render(plan));
        List<Map<String, Object>> changes = (List<Map<String, Object>>) root.get("changes");
        int expected = plan.changes(Branch.EXPAND).size() + plan.changes(Branch.CONTRACT).size();
        assertEquals(expected, changes.size(), "one item per change and phase");
        for (Map<String, Object> c : changes) {
            assertTrue(c.keySet().containsAll(Set.of("kind", "table", "name", "phase", "hazards")), c.toString());
            assertTrue(Set.of("expand", "contract").contains(c.get("phase")), c.toString());
            for (Object code : (List<Object>) c.get("hazards")) {
                HazardCode.valueOf((String) code);
            }
        }
        // The split rename appears once in each phase.
        long renames = changes.stream().filter(c -> c.get("kind").equals("rename_column")).count();
        assertEquals(2, renames);
        assertEquals(List.of("expand", "contract"), changes.stream().filter(c -> c.get("kind").equals("rename_column"))
                .map(c -> c.get("phase")).toList());
        assertEquals(Boolean.TRUE, root.get("decided"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonEscapesEverythingItMust() {
        String tricky = "a\"b\\c\nd\te\u0001\u001f/\u2028é";
        Plan plan = Planner.plan(Differ.diff(schema(table("t")),
                schema(table("t", col(tricky, TEXT).withComment(Optional.of("line1\nline2")))), DiffOptions.DEFAULTS), PlanHints.NONE);
        String json = PlanJson.render(plan);
        assertTrue(json.lines().noneMatch(l -> l.chars().anyMatch(c -> c < 0x20)), json);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        Map<String, Object> change = ((List<Map<String, Object>>) root.get("changes")).get(0);
        assertEquals(tricky, change.get("name"));
        assertEquals(ChangeWords.describe(plan.changes().get(0).change()), change.get("description"));
    }

    private static void golden(TestInfo t, String actual) throws IOException {
        Path file = GOLDEN.resolve(t.getTestMethod().orElseThrow().getName() + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dgolden.update=true)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
    }
}
