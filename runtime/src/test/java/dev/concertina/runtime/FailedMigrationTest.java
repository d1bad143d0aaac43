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
 * A migration that fails half-way: rolled back where DDL is transactional (PostgreSQL), recorded as
 * failed and blocking until repair where it is not (MariaDB, H2).
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

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"MARIADB", "H2"})
    void withoutTransactionalDdlAFailureNeedsRepair(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute("CREATE TABLE poison (id INT)");
            TestDatabases.RecordingListener listener = new TestDatabases.RecordingListener();
            try (Migrator m = open(db, FAILING, listener)) {
                ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
                assertEquals("upgrade of expand revision f200 (create half_done) failed: table poison is present; it ran without a transaction ("
                        + kind.label() + " commits DDL implicitly), so part of it may have taken effect: check the schema, then run `concertina repair`",
                        e.getMessage());
                assertTrue(tableExists(db, "half_done"), "DDL committed before the failure stays");
                assertEquals(Outcome.FAILED, m.history().get(0).outcome());
            }
            // The next run, in a new process, refuses and says what to do.
            try (Migrator m = open(db, FAILING, listener)) {
                ConcertinaException again = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertEquals(ErrorCode.NEEDS_REPAIR, again.code());
                assertTrue(again.getMessage().startsWith("upgrade of expand revision f200 (create half_done) failed at "), again.getMessage());
                assertTrue(again.getMessage().endsWith(": table poison is present; it ran without a transaction, so check which of its changes reached the schema"
                        + " and undo them (or finish them by hand, then `concertina goto f200` after repairing), then run `concertina repair`"), again.getMessage());
                assertThrows(ConcertinaException.class, () -> m.upgrade("head"));
                assertThrows(ConcertinaException.class, () -> m.downgrade("base"));
                assertTrue(m.status().failedAttempt().isPresent());
                assertEquals(CheckResult.EXPAND_PENDING, m.check());
                assertTrue(listener.warnings.stream().anyMatch(w -> w.contains("f200") && w.contains("concertina repair")), listener.warnings.toString());

                // The operator follows the message: undoes the half-done table, removes the cause, repairs.
                db.execute("DROP TABLE half_done", "DROP TABLE poison");
                m.repair();
                assertEquals(Optional.empty(), m.status().failedAttempt());
                assertEquals(Outcome.REPAIRED, m.history().get(0).outcome());
                assertEquals(List.of("f200"), m.sync(SyncScope.ALL).stream().map(AppliedRevision::revision).toList());
                assertEquals(CheckResult.UP_TO_DATE, m.check());
                assertTrue(tableExists(db, "half_done"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anAttemptWhoseProcessDiedBlocksUntilRepaired(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, FAILING)) {
            m.upgrade("f100");
            // What a process killed inside a non-transactional migration leaves: the STARTED row only.
            try (Connection c = db.connect()) {
                new VersionStore(c, TestDatabases.dialect(db)).insert("f200", Branch.EXPAND, Direction.UPGRADE, Optional.of("x"), Instant.now(),
                        "killed@host pid 42", Duration.ZERO, Outcome.STARTED, Optional.empty());
            }
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
            assertEquals(ErrorCode.NEEDS_REPAIR, e.code());
            assertTrue(e.getMessage().startsWith("upgrade of expand revision f200 (create half_done) started by killed@host pid 42 at "), e.getMessage());
            assertTrue(e.getMessage().contains("never finished"), e.getMessage());
            m.repair();
            assertEquals(1, m.sync(SyncScope.ALL).size());
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
            // The lock is free and the row is still there: its runner is gone.
            assertEquals("f200", m.status().failedAttempt().orElseThrow().revision());
            assertEquals(ErrorCode.NEEDS_REPAIR, assertThrows(ConcertinaException.class, () -> m.planSync(SyncScope.ALL)).code());
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
                    + " transactional = false), so part of it may have taken effect: check the schema, then run `concertina repair`", e.getMessage());
            assertTrue(tableExists(db, "made"));
            assertEquals(ErrorCode.NEEDS_REPAIR, assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL)).code());
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
