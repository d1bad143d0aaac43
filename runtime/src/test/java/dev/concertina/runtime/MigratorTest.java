package dev.concertina.runtime;

import static dev.concertina.runtime.TestDatabases.LINEAR;
import static dev.concertina.runtime.TestDatabases.columnExists;
import static dev.concertina.runtime.TestDatabases.ids;
import static dev.concertina.runtime.TestDatabases.open;
import static dev.concertina.runtime.TestDatabases.tableExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigratorTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void syncRunsExpandThenContractAndRecordsHistory(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            Status before = m.status();
            assertFalse(before.underVersionControl());
            assertEquals(CheckResult.EXPAND_PENDING, m.check());
            assertEquals(List.of(), m.history());

            List<AppliedRevision> applied = m.sync(SyncScope.ALL);

            assertEquals(List.of("upgrade e1a0001", "upgrade e2b0002", "upgrade e3c0003", "upgrade c1d0001", "upgrade c2e0002"), ids(applied));
            assertTrue(columnExists(db, "person", "display_name"));
            assertFalse(columnExists(db, "person", "fullname"));
            assertFalse(tableExists(db, "legacy"));
            assertEquals(CheckResult.UP_TO_DATE, m.check());
            Status after = m.status();
            assertTrue(after.underVersionControl());
            assertEquals(Optional.of("e3c0003"), after.expand().appliedHead());
            assertEquals(Optional.of("c2e0002"), after.contract().appliedHead());
            assertTrue(after.expand().atHead() && after.contract().atHead());

            List<HistoryEntry> history = m.history();
            assertEquals(List.of("c2e0002", "c1d0001", "e3c0003", "e2b0002", "e1a0001"), history.stream().map(HistoryEntry::revision).toList());
            HistoryEntry newest = history.get(0);
            assertEquals(Branch.CONTRACT, newest.branch());
            assertEquals(Direction.UPGRADE, newest.direction());
            assertEquals(Outcome.SUCCEEDED, newest.outcome());
            assertEquals("tester", newest.appliedBy());
            assertEquals(m.graph().resolve("c2e0002").checksum(m.dialect()), newest.checksum().orElseThrow());
            assertTrue(newest.checksum().orElseThrow().matches("[0-9a-f]{64}"));
            assertTrue(Math.abs(java.time.Duration.between(newest.appliedAt(), java.time.Instant.now()).toMinutes()) < 5, newest.appliedAt().toString());

            // The tables are Concertina's own, quoted, in the database's case.
            assertTrue(tableExists(db, "concertina_version"));
            assertTrue(tableExists(db, "concertina_history"));
            assertEquals(List.of(), m.sync(SyncScope.ALL), "nothing left to do");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rollingUpgradeRefusesContractBeforeExpand(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            ConcertinaException refused = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.CONTRACT));
            assertEquals(ErrorCode.REFUSED, refused.code());
            assertEquals("contract refused: the expand branch is not at head (at base, code head e3c0003, 3 pending: e1a0001, e2b0002, e3c0003);"
                    + " run `concertina sync --expand` first and roll out the new code", refused.getMessage());
            assertFalse(tableExists(db, "person"));

            assertEquals(List.of("upgrade e1a0001", "upgrade e2b0002", "upgrade e3c0003"), ids(m.sync(SyncScope.EXPAND)));
            assertEquals(CheckResult.CONTRACT_PENDING, m.check());
            assertEquals(4, m.check().exitCode());
            assertEquals(2, m.status().contract().pending().size());
            assertTrue(columnExists(db, "person", "fullname"), "contract has not run yet");

            assertEquals(List.of("upgrade c1d0001", "upgrade c2e0002"), ids(m.sync(SyncScope.CONTRACT)));
            assertEquals(CheckResult.UP_TO_DATE, m.check());
            assertEquals(0, m.check().exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void upgradeAndDowngradeByEveryKindOfTarget(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            assertEquals(List.of("upgrade e1a0001"), ids(m.upgrade("e1a")));
            assertEquals(List.of("upgrade e2b0002"), ids(m.upgrade("+1")));
            // The milestone marks e2b0002 (applied) and c1d0001.
            assertEquals(List.of("upgrade c1d0001"), ids(m.upgrade("2026.1")));
            assertFalse(columnExists(db, "person", "fullname"));
            // c2e0002 requires e3c0003: the expand revision runs first.
            assertEquals(List.of("upgrade e3c0003", "upgrade c2e0002"), ids(m.upgrade("c2")));
            assertEquals(CheckResult.UP_TO_DATE, m.check());

            ConcertinaException past = assertThrows(ConcertinaException.class, () -> m.upgrade("e1a0001"));
            assertEquals(ErrorCode.REFUSED, past.code());
            assertEquals("cannot upgrade to expand revision e1a0001 (create person and legacy): the database is already past it (at e3c0003); use downgrade to go back",
                    past.getMessage());

            assertEquals(List.of("downgrade c2e0002"), ids(m.downgrade("-1")));
            assertTrue(tableExists(db, "legacy"));
            // Going back to e1a0001 first undoes c1d0001, which requires e2b0002.
            assertEquals(List.of("downgrade c1d0001", "downgrade e3c0003", "downgrade e2b0002"), ids(m.downgrade("e1a0001")));
            assertTrue(columnExists(db, "person", "fullname"));
            assertFalse(columnExists(db, "person", "display_name"));
            assertEquals(Optional.of("e1a0001"), m.status().expand().appliedHead());
            assertEquals(Optional.empty(), m.status().contract().appliedHead());

            assertEquals(List.of("downgrade e1a0001"), ids(m.downgrade("base")));
            assertFalse(tableExists(db, "person"));
            assertEquals(CheckResult.EXPAND_PENDING, m.check());

            assertEquals(5, m.upgrade("head").size());
            assertEquals(List.of("downgrade c2e0002", "downgrade c1d0001"), ids(m.downgrade("contract@base")));
            assertEquals(CheckResult.CONTRACT_PENDING, m.check());
            assertEquals(List.of("upgrade c1d0001", "upgrade c2e0002"), ids(m.upgrade("contract@head")));
            assertEquals(List.of("downgrade c2e0002", "downgrade c1d0001", "downgrade e3c0003"), ids(m.downgrade("-3")));

            ConcertinaException tooFar = assertThrows(ConcertinaException.class, () -> m.downgrade("-3"));
            assertEquals("downgrade -3: only 2 revision(s) are applied", tooFar.getMessage());
            ConcertinaException sign = assertThrows(ConcertinaException.class, () -> m.downgrade("+1"));
            assertEquals(ErrorCode.REFUSED, sign.code());
            ConcertinaException unknown = assertThrows(ConcertinaException.class, () -> m.upgrade("nope"));
            assertEquals(ErrorCode.UNKNOWN_REVISION, unknown.code());
            ConcertinaException notApplied = assertThrows(ConcertinaException.class, () -> m.downgrade("c1d0001"));
            assertEquals("cannot downgrade to contract revision c1d0001 (drop person.fullname): it is not applied (the contract branch is at base); use upgrade",
                    notApplied.getMessage());

            List<HistoryEntry> history = m.history();
            assertEquals(Direction.DOWNGRADE, history.get(0).direction());
            assertEquals("e3c0003", history.get(0).revision());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void versionControlThenGotoAdoptsAnExistingSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            // A schema that already looks like e1a0001, built before Concertina was used.
            db.execute("CREATE TABLE person (id INT PRIMARY KEY, fullname VARCHAR(100))", "CREATE TABLE legacy (id INT NOT NULL)");
            try (Migrator m = open(db, LINEAR)) {
                m.versionControl();
                Status s = m.status();
                assertTrue(s.underVersionControl());
                assertEquals(Optional.empty(), s.expand().appliedHead());
                assertEquals(3, s.expand().pending().size());
                assertEquals(List.of(), m.history(), "version_control runs nothing");
                ConcertinaException again = assertThrows(ConcertinaException.class, m::versionControl);
                assertEquals("the database is already under version control (expand at base, contract at base)", again.getMessage());

                m.goTo("e1a");
                assertEquals(Optional.of("e1a0001"), m.status().expand().appliedHead());
                HistoryEntry gotoEntry = m.history().get(0);
                assertEquals(Direction.GOTO, gotoEntry.direction());
                assertEquals("e1a0001", gotoEntry.revision());

                assertEquals(List.of("upgrade e2b0002", "upgrade e3c0003", "upgrade c1d0001", "upgrade c2e0002"), ids(m.upgrade("head")));
                assertTrue(columnExists(db, "person", "display_name"));
                assertEquals(CheckResult.UP_TO_DATE, m.check());

                m.goTo("base");
                assertEquals(Optional.empty(), m.status().expand().appliedHead());
                assertEquals(Optional.empty(), m.status().contract().appliedHead());
                m.goTo("head");
                assertEquals(CheckResult.UP_TO_DATE, m.check());
                assertTrue(columnExists(db, "person", "display_name"), "goto ran nothing");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void revisionsTheCodeDoesNotKnow(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Migrator m = open(db, LINEAR)) {
                m.sync(SyncScope.ALL);
            }
            // An older release: it knows e1a0001, e2b0002 and c1d0001 only.
            List<ResolvedMigration> older;
            try (Migrator m = open(db, LINEAR)) {
                older = m.graph().all().stream().filter(r -> !r.id().equals("e3c0003") && !r.id().equals("c2e0002")).toList();
            }
            try (Migrator m = open(db, older, MigrationListener.NONE)) {
                Status s = m.status();
                assertEquals(List.of("expand revision e3c0003", "contract revision c2e0002"), s.unknownRevisions());
                assertEquals(CheckResult.UNKNOWN_REVISIONS, m.check());
                assertEquals(5, m.check().exitCode());
                ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertEquals(ErrorCode.REFUSED, e.code());
                assertEquals("the database is at expand revision e3c0003, contract revision c2e0002, which this code does not know:"
                        + " it was migrated by a newer release; run that release's migrations", e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aChangedAppliedMigrationFailsCheckUntilItsChecksumIsAccepted(DbKind kind) throws Exception {
        Migration original = ctx -> ctx.dsl().createTable(fixturesName(ctx, "t")).column(fixturesName(ctx, "a"), org.jooq.impl.SQLDataType.INTEGER).execute();
        Migration edited = ctx -> ctx.dsl().createTable(fixturesName(ctx, "t")).column(fixturesName(ctx, "a"), org.jooq.impl.SQLDataType.BIGINT).execute();
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Migrator m = open(db, List.of(Revisions.rev("t1", "", Branch.EXPAND, "", "", original)), MigrationListener.NONE)) {
                m.sync(SyncScope.ALL);
                assertEquals(List.of(), m.status().checksumMismatches());
            }
            TestDatabases.RecordingListener listener = new TestDatabases.RecordingListener();
            try (Migrator m = open(db, List.of(Revisions.rev("t1", "", Branch.EXPAND, "", "", edited)), listener)) {
                List<ChecksumMismatch> mismatches = m.status().checksumMismatches();
                assertEquals(1, mismatches.size());
                assertEquals("t1", mismatches.get(0).revision());
                assertEquals(CheckResult.CHANGED_REVISIONS, m.check());
                assertEquals(7, m.check().exitCode());
                assertTrue(listener.warnings.get(0).startsWith("applied expand revision t1 has changed since it was applied (checksum "), listener.warnings.get(0));
                int before = listener.warnings.size();
                m.sync(SyncScope.ALL);
                assertEquals(before + 1, listener.warnings.size(), "sync reports it too: " + listener.warnings);

                // Accepting is explicit and recorded; a revision that did not change is refused.
                RepairResult r = m.repair(List.of("t1"));
                assertEquals(List.of("t1"), r.accepted().stream().map(ChecksumMismatch::revision).toList());
                HistoryEntry accepted = m.history().get(0);
                assertEquals(Direction.ACCEPT_CHECKSUM, accepted.direction());
                assertEquals(Optional.of(mismatches.get(0).codeChecksum()), accepted.checksum());
                assertTrue(accepted.error().orElseThrow().endsWith("accepted in place of " + mismatches.get(0).appliedChecksum()));
                assertEquals(List.of(), m.status().checksumMismatches());
                assertEquals(CheckResult.UP_TO_DATE, m.check());
                ConcertinaException again = assertThrows(ConcertinaException.class, () -> m.repair(List.of("t1")));
                assertEquals(ErrorCode.REFUSED, again.code());
                assertEquals("cannot accept the checksum of expand revision t1: it has not changed since it was applied; nothing was changed",
                        again.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aDowngradeWithoutInverseIsRefusedBeforeAnythingRuns(DbKind kind) throws Exception {
        Migration reversible = new Migration() {
            @Override
            public void upgrade(MigrationContext ctx) {
                ctx.dsl().createTable(fixturesName(ctx, "r")).column(fixturesName(ctx, "a"), org.jooq.impl.SQLDataType.INTEGER).execute();
            }

            @Override
            public void downgrade(MigrationContext ctx) {
                ctx.dsl().dropTable(fixturesName(ctx, "r")).execute();
            }
        };
        Migration oneWay = ctx -> ctx.dsl().createTable(fixturesName(ctx, "o")).column(fixturesName(ctx, "a"), org.jooq.impl.SQLDataType.INTEGER).execute();
        List<ResolvedMigration> ms = List.of(Revisions.rev("r1", "", Branch.EXPAND, "", "", reversible), Revisions.rev("o2", "r1", Branch.EXPAND, "", "", oneWay));
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, ms, MigrationListener.NONE)) {
            m.sync(SyncScope.ALL);
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.downgrade("base"));
            assertEquals(ErrorCode.REFUSED, e.code());
            assertEquals("revision o2 cannot be downgraded (it has no downgrade); nothing was run", e.getMessage());
            assertTrue(tableExists(db, "r") && tableExists(db, "o"));
            assertEquals(Optional.empty(), m.status().failedAttempt());
            assertEquals(2, m.history().size());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void plansShowWhatWouldRunAndRunNothing(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            assertEquals(5, m.planSync(SyncScope.ALL).size());
            assertFalse(m.status().underVersionControl(), "planning creates nothing");
            assertEquals(ErrorCode.REFUSED, assertThrows(ConcertinaException.class, () -> m.planSync(SyncScope.CONTRACT)).code());
            m.sync(SyncScope.ALL);
            List<PlannedStep> plan = m.planDowngrade("e2b");
            assertEquals(List.of("downgrade contract c2e0002 (drop table legacy)", "downgrade expand e3c0003 (index person.display_name)"),
                    plan.stream().map(PlannedStep::toString).toList());
            assertEquals(List.of(), m.planUpgrade("head"));
            assertEquals(CheckResult.UP_TO_DATE, m.check(), "nothing ran");
            assertEquals(ids(m.downgrade("e2b")), plan.stream().map(p -> p.direction().label() + " " + p.revision().id()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aMilestoneMovesEachBranchToItsPoint(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            assertEquals(List.of("upgrade e1a0001", "upgrade e2b0002", "upgrade c1d0001"), ids(m.upgrade("2026.1")));
            assertEquals(List.of(), ids(m.upgrade("2026.1")));
            m.upgrade("head");
            assertEquals(List.of("downgrade c2e0002", "downgrade e3c0003"), ids(m.downgrade("2026.1")));
            assertEquals(Optional.of("e2b0002"), m.status().expand().appliedHead());
            assertEquals(Optional.of("c1d0001"), m.status().contract().appliedHead());
        }
    }

    private static org.jooq.Name fixturesName(MigrationContext ctx, String lower) {
        return dev.concertina.runtime.fixtures.Names.n(ctx, lower);
    }
}
