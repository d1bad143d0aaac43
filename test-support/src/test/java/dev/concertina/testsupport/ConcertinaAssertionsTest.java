package dev.concertina.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.api.Drift;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;

class ConcertinaAssertionsTest {

    private static final String MODEL = "dev.concertina.testsupport.fixture.model";
    private static final String GOOD = "dev.concertina.testsupport.fixture.good";
    private static final String DRIFTED = "dev.concertina.testsupport.fixture.drifted";

    @TempDir
    Path dir;

    @Test
    void migrationsThatBuildTheModelsPass() {
        ConcertinaAssertions.assertMigrationsMatchModels(GOOD, MODEL);
    }

    @Test
    void driftFailsWithEveryDifference() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ConcertinaAssertions.assertMigrationsMatchModels(DRIFTED, MODEL));
        String m = e.getMessage();
        assertTrue(m.contains("2 differences"), m);
        assertTrue(m.contains("add column \"PERSON\".\"AGE\""), m);
        assertTrue(m.contains("\"TEAM\".\"NAME\""), m);
        assertTrue(m.contains("H2 in memory"), m);
    }

    @Test
    void aRulesFileSilencesDeliberateDifferences() throws Exception {
        Path rules = dir.resolve("concertina.ignore");
        Files.writeString(rules, "column person.age reason \"added by the reporting team's own script\"\n"
                + "column team.name only type reason \"length checked by the application\"\n");
        ConcertinaAssertions.migrationsMatchModels(DRIFTED, MODEL).withRules(rules).assertMatch();

        Files.writeString(rules, "column person.age reason \"added by the reporting team's own script\"\n");
        Drift.Result r = ConcertinaAssertions.migrationsMatchModels(DRIFTED, MODEL).withRules(rules).check();
        assertEquals(1, r.changes().size(), r::report);
        assertTrue(r.staleRules().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MARIADB"})
    void onAnotherScratchDatabase(DbKind kind) {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            ConcertinaAssertions.migrationsMatchModels(GOOD, MODEL).onScratchDatabase(db.url(), db.user(), db.password()).assertMatch();
        }
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Drift.Result r = ConcertinaAssertions.migrationsMatchModels(DRIFTED, MODEL)
                    .onScratchDatabase(db.url(), db.user(), db.password()).check();
            assertTrue(r.drifted());
            List<String> d = r.differences();
            assertEquals(2, d.size(), r::report);
            assertFalse(r.scratch().contains(db.password().isEmpty() ? "\u0000" : db.password()));
        }
    }
}
