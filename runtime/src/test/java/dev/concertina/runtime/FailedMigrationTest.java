package dev.concertina.runtime;

import static dev.concertina.runtime.TestDatabases.FAILING;
import static dev.concertina.runtime.TestDatabases.open;
import static dev.concertina.runtime.TestDatabases.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.internal.VersionStore;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A migration that fails half-way: rolled back where DDL is transactional (PostgreSQL); where it is
 * not (MariaDB, H2), its completed steps are recorded and the next run resumes after them.
 */
class FailedMigrationTest {

    @Test
    void postgresRollsBackAFailedMigrationCompletely() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Migrator m = open(db, FAILING)) {
            db.execute("CREATE TABLE poison (id INT)");
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            assertEquals("upgrade of expand revision f200 (create half_done) failed: table poison is present; it was rolled back, nothing changed", e.getMessage());
            assertFalse(tableExists(db, "half_done"), "the CREATE TABLE before the failure was rolled back");
            assertTrue(tableExists(db, "alpha"), "the revision before it committed on its own");
            HistoryEntry last = m.history().get(0);
            assertEquals(Outcome.ROLLED_BACK, last.outcome());
            assertEquals(Optional.of("table poison is present"), last.error());
            assertEquals(Optional.of("f100"), m.status().expand().appliedHead());
            assertEquals(Optional.empty(), m.status().failedAttempt(), "nothing to repair");

            db.execute("DROP TABLE poison");
            assertEquals(List.of("f200"), m.sync(SyncScope.ALL).stream().map(AppliedRevision::revision).toList());
            assertEquals(CheckResult.UP_TO_DATE, m.check());
        }
    }

    static final String RESUME_HINT = "and the steps it completed are recorded: fix the cause and run the same command"
            + " again to resume at the failed step (`concertina repair` lists them)";

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"MARIADB", "H2"})
    void withoutTransactionalDdlAFailedRevisionResumesOnceItsCauseIsFixed(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute("CREATE TABLE poison (id INT)");
            TestDatabases.RecordingListener listener = new TestDatabases.RecordingListener();
            try (Migrator m = open(db, FAILING, listener)) {
                ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
                assertEquals("upgrade of expand revision f200 (create half_done) failed: table poison is present; it ran without a transaction ("
                        + kind.label() + " commits DDL implicitly), " + RESUME_HINT, e.getMessage());
                assertTrue(tableExists(db, "half_done"), "DDL committed before the failure stays");
                assertEquals(Outcome.FAILED, m.history().get(0).outcome());
            }
            // The next run, in a new process, resumes: the completed CREATE TABLE is not run again
            // (it would fail with "already exists"), the check fails again while the cause remains.
            try (Migrator m = open(db, FAILING, listener)) {
                ConcertinaException again = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertEquals(ErrorCode.MIGRATION_FAILED, again.code());
                assertTrue(again.getMessage().contains("table poison is present"), again.getMessage());
                // Any other plan would run on top of the half-applied revision: refused.
                ConcertinaException other = assertThrows(ConcertinaException.class, () -> m.downgrade("base"));
                assertEquals(ErrorCode.NEEDS_REPAIR, other.code());
                assertTrue(other.getMessage().startsWith("upgrade of expand revision f200 (create half_done) failed at "), other.getMessage());
                assertTrue(other.getMessage().endsWith(": table poison is present; its completed steps are recorded: run the same"
                        + " command again (`concertina sync`) to resume it at its first unfinished step, or `concertina repair`"
                        + " to list them and deal with them by hand"), other.getMessage());
                assertTrue(m.status().failedAttempt().isPresent());
                assertEquals(CheckResult.EXPAND_PENDING, m.check());

                db.execute("DROP TABLE poison");
                assertEquals(List.of("f200"), m.sync(SyncScope.ALL).stream().map(AppliedRevision::revision).toList());
                assertEquals(CheckResult.UP_TO_DATE, m.check());
                assertTrue(tableExists(db, "half_done"));
                assertEquals(Optional.empty(), m.status().failedAttempt());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"MARIADB", "H2"})
    void repairNamesTheCompletedStepsAndForgetsThem(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, FAILING)) {
            db.execute("CREATE TABLE poison (id INT)");
            assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
            RepairResult r = m.repair();
            assertEquals("f200", r.attempt().orElseThrow().revision());
            assertEquals(1, r.completedSteps().size(), r.completedSteps().toString());
            assertTrue(r.completedSteps().get(0).startsWith("create table "), r.completedSteps().toString());
            assertTrue(r.completedSteps().get(0).toLowerCase(java.util.Locale.ROOT).contains("half_done"), r.completedSteps().toString());
            assertEquals(Outcome.REPAIRED, m.history().get(0).outcome());
            // The operator undoes the step, as repair's list says; the next sync runs the revision from its start.
            db.execute("DROP TABLE half_done", "DROP TABLE poison");
            assertEquals(List.of("f200"), m.sync(SyncScope.ALL).stream().map(AppliedRevision::revision).toList());
            assertTrue(tableExists(db, "half_done"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anAttemptWhoseProcessDiedIsResumedBySync(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, FAILING)) {
            m.upgrade("f100");
            // What a process killed inside a non-transactional migration before its first step leaves: the STARTED row only.
            try (Connection c = db.connect()) {
                new VersionStore(c, TestDatabases.dialect(db)).insert("f200", Branch.EXPAND, Direction.UPGRADE, Optional.of("x"), Instant.now(),
                        "killed@host pid 42", Duration.ZERO, Outcome.STARTED, Optional.empty());
            }
            FailedAttempt f = m.status().failedAttempt().orElseThrow();
            assertTrue(f.describe().startsWith("upgrade of expand revision f200 (create half_done) started by killed@host pid 42 at "), f.describe());
            assertTrue(f.describe().contains("never finished"), f.describe());
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.downgrade("base"));
            assertEquals(ErrorCode.NEEDS_REPAIR, e.code());
            assertEquals(List.of("f200"), m.sync(SyncScope.ALL).stream().map(AppliedRevision::revision).toList());
            assertEquals(Outcome.SUCCEEDED, m.history().get(0).outcome());
            assertEquals(Outcome.REPAIRED, m.history().get(1).outcome());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anAttemptStillRunningElsewhereIsNotReportedAsFailed(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, FAILING)) {
            m.upgrade("f100");
            try (Connection c = db.connect()) {
                new VersionStore(c, TestDatabases.dialect(db)).insert("f200", Branch.EXPAND, Direction.UPGRADE, Optional.of("x"), Instant.now(),
                        "busy@host pid 43", Duration.ZERO, Outcome.STARTED, Optional.empty());
            }
            // Another runner holds the lock: its started row is work in progress, not a failure.
            try (var held = dev.concertina.runtime.internal.DialectSupport.of(TestDatabases.dialect(db))
                    .lock(db.connect(), "busy", Duration.ofSeconds(5), MigrationListener.NONE)) {
                assertEquals(Optional.empty(), m.status().failedAttempt());
                assertEquals(List.of("f200"), m.planSync(SyncScope.ALL).stream().map(p -> p.revision().id()).toList());
            }
            // The lock is free and the row is still there: its runner is gone; sync would resume it, nothing else runs.
            assertEquals("f200", m.status().failedAttempt().orElseThrow().revision());
            assertEquals(List.of("f200"), m.planSync(SyncScope.ALL).stream().map(p -> p.revision().id()).toList());
            assertEquals(ErrorCode.NEEDS_REPAIR, assertThrows(ConcertinaException.class, () -> m.planDowngrade("base")).code());
        }
    }

    @Test
    void aNonTransactionalRevisionOnPostgresIsRecordedBeforeItRuns() throws Exception {
        Migration halfway = ctx -> {
            ctx.dsl().createTable(dev.concertina.runtime.fixtures.Names.n(ctx, "made")).column("id", org.jooq.impl.SQLDataType.INTEGER).execute();
            throw new IllegalStateException("boom");
        };
        ResolvedMigration r = new ResolvedMigration("n1", Optional.empty(), Branch.EXPAND, Optional.empty(), Optional.empty(),
                "concurrent index", false, "test:n1", halfway);
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Migrator m = open(db, List.of(r), MigrationListener.NONE)) {
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
            assertEquals("upgrade of expand revision n1 (concurrent index) failed: boom; it ran without a transaction (postgres and the revision is marked"
                    + " transactional = false), " + RESUME_HINT, e.getMessage());
            assertTrue(tableExists(db, "made"));
            // Resumed: the completed CREATE TABLE is skipped (no "already exists"), the same failure follows.
            ConcertinaException again = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
            assertEquals(ErrorCode.MIGRATION_FAILED, again.code());
            assertTrue(again.getMessage().contains("failed: boom;"), again.getMessage());
        }
    }

    @Test
    void h2CommitsDdlImplicitlySoItIsTreatedAsNonTransactional() throws Exception {
        // Why H2 takes the non-transactional path: a CREATE TABLE commits the open transaction, and
        // rollback then undoes neither the table nor the rows written before it.
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2); Connection c = db.connect()) {
            c.createStatement().execute("CREATE TABLE t (id INT)");
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            c.createStatement().execute("CREATE TABLE u (id INT)");
            c.rollback();
            assertTrue(tableExists(db, "u"));
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
