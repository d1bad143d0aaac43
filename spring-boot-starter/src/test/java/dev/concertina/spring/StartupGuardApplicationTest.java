package dev.concertina.spring;

import static dev.concertina.spring.ShopApplications.RELEASE_1;
import static dev.concertina.spring.ShopApplications.RELEASE_2;
import static dev.concertina.spring.ShopApplications.migrate;
import static dev.concertina.spring.ShopApplications.refusal;
import static dev.concertina.spring.ShopApplications.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** The startup guard and the startup expand in a real Spring Boot application, on H2 and PostgreSQL. */
class StartupGuardApplicationTest {

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void anOutdatedSchemaStopsTheApplicationWithOneLine(DbKind kind) {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            migrate(db, RELEASE_1, SyncScope.ALL);
            RuntimeException failure = assertThrows(RuntimeException.class, () -> start(db, RELEASE_2).close());
            ConcertinaException refusal = refusal(failure);
            assertEquals(ErrorCode.OUTDATED_SCHEMA, refusal.code());
            String reason = "the database lacks expand revision aa02 (add customer.email) that this code needs (expand is at aa01):"
                    + " run `concertina sync --expand` before starting this release";
            assertEquals(reason, refusal.getMessage());
            FailureAnalysis analysis = new ConcertinaFailureAnalyzer().analyze(failure);
            assertEquals("Concertina: " + reason, analysis.getDescription());
            assertTrue(analysis.getAction().contains("concertina.sync-on-startup=expand"), analysis.getAction());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void anExpandedSchemaStartsTheNewReleaseAndTheOldOne(DbKind kind) {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            migrate(db, RELEASE_2, SyncScope.EXPAND);
            try (ConfigurableApplicationContext app = start(db, RELEASE_2)) {
                ConcertinaEndpoint.Report report = app.getBean(ConcertinaEndpoint.class).report();
                assertEquals("contract_pending", report.check());
                assertEquals(4, report.exitCode());
                assertEquals("aa02", report.expand().applied());
                assertTrue(report.expand().atHead());
                assertNull(report.contract().applied());
                assertEquals("cc01", report.contract().head());
                assertEquals(List.of(new ConcertinaEndpoint.Revision("cc01", "drop customer.name")), report.contract().pending());
            }
            // The release still running during the rolling upgrade: expand ran ahead of it.
            try (ConfigurableApplicationContext app = start(db, RELEASE_1)) {
                ConcertinaEndpoint.Report report = app.getBean(ConcertinaEndpoint.class).report();
                assertEquals("unknown_revisions", report.check());
                assertEquals(List.of("expand revision aa02"), report.unknownRevisions());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void syncOnStartupBringsExpandToHeadAndNeverContracts(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (ConfigurableApplicationContext app = start(db, RELEASE_2, "concertina.sync-on-startup=expand")) {
                assertEquals(List.of("aa01", "aa02"),
                        app.getBean(ConcertinaStartup.class).applied().stream().map(a -> a.revision()).toList());
                ConcertinaEndpoint.Report report = app.getBean(ConcertinaEndpoint.class).report();
                assertEquals("aa02", report.expand().applied());
                assertEquals(1, report.contract().pending().size());
            }
            // Both columns are there: expand added email, and contract (dropping name) did not run.
            try (Connection c = db.connect();
                 ResultSet rs = c.getMetaData().getColumns(null, null, fold(kind, "customer"), null)) {
                List<String> columns = new java.util.ArrayList<>();
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
                assertEquals(List.of(fold(kind, "id"), fold(kind, "name"), fold(kind, "email")), columns);
            }
        }
    }

    private static String fold(DbKind kind, String name) {
        return kind == DbKind.H2 ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }
}
