package dev.concertina.runtime;

import static dev.concertina.runtime.TestDatabases.LINEAR;
import static dev.concertina.runtime.TestDatabases.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.MigrationLock;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationLockTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aWaitingProcessSaysSoAndGivesUpNamingTheHolder(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Dialect dialect = TestDatabases.dialect(db);
            Connection holderConnection = db.connect();
            TestDatabases.RecordingListener waiter = new TestDatabases.RecordingListener();
            try (MigrationLock held = DialectSupport.of(dialect).lock(holderConnection, "holder-A", Duration.ofSeconds(5), MigrationListener.NONE);
                 Migrator m = Migrator.open(config(db).migrations(getClass().getClassLoader(), LINEAR)
                         .lockTimeout(Duration.ofMillis(800)).listener(waiter).build())) {
                long t0 = System.nanoTime();
                ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                long waitedMs = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
                assertTrue(e.getMessage().startsWith("could not take the migration lock of "), e.getMessage());
                assertTrue(e.getMessage().contains(" within 800ms: it is held by "), e.getMessage());
                assertTrue(waitedMs >= 700, "waited " + waitedMs + " ms");
                assertEquals(1, waiter.waiting.size(), "told once that it waits");
                if (kind != DbKind.MARIADB) {
                    // PostgreSQL shows the owner through application_name, H2 stores it in the lock row.
                    assertTrue(e.getMessage().contains("holder-A"), e.getMessage());
                    assertTrue(waiter.waiting.get(0).contains("holder-A"), waiter.waiting.get(0));
                } else {
                    assertTrue(e.getMessage().contains("held by connection "), e.getMessage());
                }
                assertEquals(CheckResult.EXPAND_PENDING, m.check(), "nothing ran");
            }
            // Released: the same call now goes through.
            try (Migrator m = TestDatabases.open(db, LINEAR)) {
                assertEquals(5, m.sync(SyncScope.ALL).size());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void theLockGoesWithItsConnection(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Dialect dialect = TestDatabases.dialect(db);
            Connection c = db.connect();
            DialectSupport.of(dialect).lock(c, "crashing", Duration.ofSeconds(5), MigrationListener.NONE);
            // The holder's connection ends without releasing, as when its process is killed.
            c.close();
            if (kind == DbKind.H2) {
                // H2 keeps the row until its lease expires: age it as a dead process would leave it.
                db.execute("UPDATE CONCERTINA_LOCK SET EXPIRES_AT = TIMESTAMP '2000-01-01 00:00:00'");
            }
            try (Migrator m = Migrator.open(config(db).migrations(getClass().getClassLoader(), LINEAR).lockTimeout(Duration.ofSeconds(3)).build())) {
                assertEquals(5, m.sync(SyncScope.ALL).size());
            }
        }
    }

    @Test
    void anH2LockRowIsNotTakenOverBeforeItExpires() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            try (Migrator m = TestDatabases.open(db, LINEAR)) {
                m.versionControl();
            }
            LocalDateTime future = LocalDateTime.now().plusHours(1);
            db.execute("INSERT INTO CONCERTINA_LOCK VALUES (1, 'alive@elsewhere pid 7', CURRENT_TIMESTAMP, TIMESTAMP '" + future.toString().replace('T', ' ') + "')");
            try (Migrator m = Migrator.open(config(db).migrations(getClass().getClassLoader(), LINEAR).lockTimeout(Duration.ofMillis(300)).build())) {
                ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.ALL));
                assertTrue(e.getMessage().contains("held by alive@elsewhere pid 7 (since "), e.getMessage());
            }
        }
    }

    @Test
    void anH2LockRowOfAKilledProcessOnThisHostIsTakenOverAtOnce() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            try (Migrator m = TestDatabases.open(db, LINEAR)) {
                m.versionControl();
            }
            // A pid no process has on this host.
            long gone = 4_000_000;
            while (ProcessHandle.of(gone).isPresent()) {
                gone++;
            }
            String host = java.net.InetAddress.getLocalHost().getHostName();
            LocalDateTime future = LocalDateTime.now().plusHours(1);
            db.execute("INSERT INTO CONCERTINA_LOCK VALUES (1, 'killed [" + host + " pid " + gone + "]', CURRENT_TIMESTAMP, TIMESTAMP '"
                    + future.toString().replace('T', ' ') + "')");
            try (Migrator m = Migrator.open(config(db).migrations(getClass().getClassLoader(), LINEAR).lockTimeout(Duration.ofMillis(300)).build())) {
                assertEquals(5, m.sync(SyncScope.ALL).size());
            }
        }
    }

    @Test
    void onPostgresABackendWhoseRunnerDiedStopsWithinSeconds() throws Exception {
        // A killed runner in the middle of a long statement: its backend must not keep the
        // transaction (and the locks it holds) until the statement ends on its own.
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection observer = db.connect()) {
            Connection work = db.connect();
            DialectSupport.of(Dialect.POSTGRES).prepareSession(work);
            int pid;
            try (var rs = work.createStatement().executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            Thread sleeper = new Thread(() -> {
                try {
                    work.createStatement().execute("select pg_sleep(60)");
                } catch (java.sql.SQLException expected) {
                    // the socket is torn down under it
                }
            });
            sleeper.start();
            Thread.sleep(500);
            work.abort(Runnable::run);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            boolean alive = true;
            while (alive && System.nanoTime() < deadline) {
                try (var ps = observer.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
                    ps.setInt(1, pid);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        alive = rs.getInt(1) > 0;
                    }
                }
                Thread.sleep(200);
            }
            assertTrue(!alive, "backend " + pid + " still running its 60 s statement");
            sleeper.join(5000);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrentSyncsApplyEachMigrationExactlyOnce(DbKind kind) throws Exception {
        int workers = 6;
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                String who = "worker-" + i;
                results.add(pool.submit(() -> {
                    // Exactly-once is the point here, not the wait: a loaded machine may hold the lock past the 20 s default.
                    try (Migrator m = Migrator.open(config(db).appliedBy(who).migrations(getClass().getClassLoader(), LINEAR)
                            .lockTimeout(Duration.ofMinutes(3)).build())) {
                        start.await();
                        return m.sync(SyncScope.ALL).size();
                    }
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            pool.shutdown();
            assertEquals(5, total, "the five revisions ran once in all");
            try (Migrator m = TestDatabases.open(db, LINEAR)) {
                Map<String, Long> runs = m.history().stream().collect(Collectors.groupingBy(HistoryEntry::revision, Collectors.counting()));
                assertEquals(Map.of("e1a0001", 1L, "e2b0002", 1L, "e3c0003", 1L, "c1d0001", 1L, "c2e0002", 1L), runs);
                assertEquals(CheckResult.UP_TO_DATE, m.check());
            }
        }
    }
}
