package dev.concertina.spring;

import static dev.concertina.spring.ShopApplications.RELEASE_2;
import static dev.concertina.spring.ShopApplications.refusal;
import static dev.concertina.spring.ShopApplications.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** What the concertina.* properties allow and refuse, and the database without version tables (H2). */
class StartupSettingsTest {

    /** The warning reaches the application's own log (java.util.logging bridged to Logback by Spring Boot). */
    @Test
    void aDatabaseWithoutVersionTablesStartsWithOneWarning() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ConfigurableApplicationContext app = start(db, RELEASE_2, "logging.level.dev.concertina=warn")) {
                System.setOut(out);
                List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
                assertEquals(1, lines.size(), lines.toString());
                assertTrue(lines.get(0).contains("WARN"), lines.get(0));
                assertTrue(lines.get(0).endsWith("the database has no CONCERTINA_VERSION table: it is not under Concertina's"
                        + " version control, so the schema cannot be checked against this code"), lines.get(0));
                ConcertinaEndpoint.Report report = app.getBean(ConcertinaEndpoint.class).report();
                assertFalse(report.underVersionControl());
                assertEquals(2, report.exitCode());
            }
        } finally {
            System.setOut(out);
        }
    }

    /** At the usual INFO level a startup expand logs what it applied, and jOOQ stays quiet. */
    @Test
    void aStartupExpandLogsConcertinaLinesOnly() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            start(db, RELEASE_2, "concertina.sync-on-startup=expand", "logging.level.root=warn",
                    "logging.level.org.jooq=info", "logging.level.dev.concertina=info").close();
        } finally {
            System.setOut(out);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches(".* INFO .*dev\\.concertina\\.spring +: upgrade expand aa01 \\(create customer\\) in \\d+ ms"),
                lines.get(0));
        assertTrue(lines.get(1).contains("upgrade expand aa02 (add customer.email) in "), lines.get(1));
        assertTrue(lines.get(2).endsWith(": expanded the schema: 2 revisions applied"), lines.get(2));
    }

    @Test
    void contractIsNeverRunAtStartup() {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            ConcertinaException e = refusal(assertThrows(RuntimeException.class,
                    () -> start(db, RELEASE_2, "concertina.sync-on-startup=contract").close()));
            assertEquals(ErrorCode.CONFIGURATION, e.code());
            assertEquals("concertina.sync-on-startup=contract is not allowed: contract never runs at startup, the previous"
                    + " release may still be running; use expand, and run contract with `concertina sync --contract` once"
                    + " the old release is gone", e.getMessage());
        }
    }

    @Test
    void withoutAMigrationsPackageTheApplicationSaysWhatToSet() {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            ConcertinaException e = refusal(assertThrows(RuntimeException.class,
                    () -> start(db, RELEASE_2, "concertina.migrations-package=").close()));
            assertEquals("concertina.migrations-package is not set: name the package of the migration classes"
                    + " (or set concertina.enabled=false)", e.getMessage());
        }
    }

    @Test
    void disabledLeavesTheApplicationAlone() {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2);
             ConfigurableApplicationContext app = start(db, RELEASE_2, "concertina.enabled=false",
                     "concertina.sync-on-startup=contract")) {
            assertEquals(0, app.getBeanNamesForType(ConcertinaStartup.class).length);
        }
    }
}
