package dev.concertina.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.PlanSql;
import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL SQL of a scenario's migrations ({@code diff --format sql}), golden in
 * {@code expected-sql.postgres.sql}: what the squawk linter judges (bench/squawk.sh) and what a
 * reviewer reads to see the online forms (docs/expand.md, "Online DDL").
 */
final class ScenarioSql {

    static final String FILE = "expected-sql.postgres.sql";

    private ScenarioSql() {}

    static void golden(Scenario s, Plan plan) throws IOException {
        if (!plan.possibleRenames().isEmpty()) {
            return; // refused: no migration, no SQL
        }
        String actual = PlanSql.render(plan, Dialect.POSTGRES, Dialect.POSTGRES);
        Path file = s.dir().resolve(FILE);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no golden file " + file + " (run with -Dgolden.update=true to create it)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "PostgreSQL SQL of " + s.name() + " differs from " + file);
    }
}
