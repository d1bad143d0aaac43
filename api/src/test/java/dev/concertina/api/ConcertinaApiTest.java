package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.HistoryEntry;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.Status;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Java API end to end on each database: sync, version, history, diff, check, revision. */
class ConcertinaApiTest {

    static final String MIGRATIONS = "dev.concertina.api.fixture.migrations";
    static final String MODEL = "dev.concertina.api.fixture.model";

    @TempDir
    Path dir;

    static Configuration on(FreshDatabase db) {
        return Concertina.configure().url(db.url()).user(db.user()).password(db.password())
                .migrationsPackage(MIGRATIONS).entityPackages(MODEL);
    }

    @Test
    void aConfigurationNeverChangesOnceMade() {
        Configuration a = Concertina.configure().url("jdbc:h2:mem:a");
        Configuration b = a.user("sa").password("pw").migrationsPackage("x.y");
        assertEquals("", a.user());
        assertEquals(Optional.empty(), a.migrationsPackage());
        assertEquals("sa", b.user());
        assertEquals(Optional.of("jdbc:h2:mem:a"), b.url());
        assertFalse(b.toString().contains("pw"), b.toString());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void syncThenEverythingAgrees(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            List<String> warnings = new ArrayList<>();
            Concertina concertina = on(db).listener(new MigrationListener() {
                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            }).load();

            // Before sync: the database is empty, so the entities' two tables are differences.
            DiffResult before = concertina.diff();
            assertEquals(DiffResult.DIFFERENCES, before.exitCode(), before.plan()::toString);
            assertEquals(2, before.changes().size(), before.changes()::toString);
            CheckReport pending = concertina.check();
            assertEquals(CheckResult.EXPAND_PENDING, pending.result());
            assertEquals(2, pending.exitCode());
            assertFalse(pending.drift().orElseThrow().drifted(), () -> pending.drift().get().report());

            assertEquals(1, concertina.sync().size());
            Status status = concertina.version();
            assertEquals(Optional.of("b00000000001"), status.expand().appliedHead());
            assertTrue(status.expand().atHead() && status.contract().atHead());
            List<HistoryEntry> history = concertina.history();
            assertEquals("b00000000001", history.get(0).revision());

            DiffResult after = concertina.diff();
            assertTrue(after.isEmpty(), after.changes()::toString);
            assertEquals(0, after.exitCode());
            CheckReport upToDate = concertina.check();
            assertEquals(0, upToDate.exitCode());

            RevisionResult nothing = concertina.revision("nothing to do", dir);
            assertTrue(nothing.isEmpty());
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    void revisionWritesWhatTheEntitiesNeed() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            Concertina concertina = on(db).load();
            concertina.sync();
            db.execute("alter table \"PERSON\" drop column \"AGE\"");

            RevisionResult written = concertina.revision("person age", dir, Optional.of("2026.1"));
            assertEquals(1, written.files().size(), written.files()::toString);
            RevisionResult.Written w = written.files().get(0);
            assertEquals(Branch.EXPAND, w.branch());
            assertEquals("b00000000001", w.parent());
            String source = Files.readString(w.file());
            assertTrue(source.contains("package " + MIGRATIONS + ".expand;"), source);
            assertTrue(source.contains("2026.1"), source);
            assertEquals(List.of("expand: 1 change", "  add column \"PERSON\".\"AGE\" integer NULL"), written.summary());
        }
    }

    @Test
    void anEmptyRevisionNeedsNoDatabase() throws Exception {
        RevisionResult r = Concertina.configure().migrationsPackage(MIGRATIONS).load()
                .emptyRevision(Branch.CONTRACT, "drop legacy", dir, Optional.empty());
        RevisionResult.Written w = r.files().get(0);
        assertEquals(Branch.CONTRACT, w.branch());
        assertEquals("base", w.parent());
        assertTrue(Files.readString(w.file()).contains("b00000000001"), "a contract revision requires the expand head");
    }

    @Test
    void errorsAreOneLineWithACode() {
        ConcertinaException noUrl = assertThrows(ConcertinaException.class,
                () -> Concertina.configure().migrationsPackage(MIGRATIONS).entityPackages(MODEL).load().diff());
        assertEquals(ErrorCode.CONFIGURATION, noUrl.code());
        assertFalse(noUrl.getMessage().contains("\n"));

        ConcertinaException unsupported = assertThrows(ConcertinaException.class,
                () -> Concertina.configure().url("jdbc:oracle:thin:@db").load());
        assertEquals(ErrorCode.UNSUPPORTED_DATABASE, unsupported.code());

        ConcertinaException noEntities = assertThrows(ConcertinaException.class,
                () -> Concertina.configure().url("jdbc:h2:mem:x").entityPackages("no.such.pkg").load().inspectEntities());
        assertEquals("entity package no.such.pkg is not on the class path", noEntities.getMessage());
    }
}
