package dev.concertina.runtime.expand;

import static dev.concertina.runtime.expand.SyncTriggersTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackfillTest {

    /** A table with a composite key (a, b), 200 rows, every 10th row with a null source. */
    private static void compositeTable(Connection c, Dialect d, DbKind kind) throws Exception {
        Db.exec(c, q(d, "CREATE TABLE %s (%s INT NOT NULL, %s VARCHAR(10) NOT NULL, %s VARCHAR(20), %s INT, %s VARCHAR(20), PRIMARY KEY (%s, %s))",
                Db.n(kind, "pair"), Db.n(kind, "a"), Db.n(kind, "b"), Db.n(kind, "code"), Db.n(kind, "code_num"), Db.n(kind, "note"),
                Db.n(kind, "a"), Db.n(kind, "b")));
        try (PreparedStatement ps = c.prepareStatement(q(d, "INSERT INTO %s (%s, %s, %s) VALUES (?, ?, ?)",
                Db.n(kind, "pair"), Db.n(kind, "a"), Db.n(kind, "b"), Db.n(kind, "code")))) {
            for (int i = 0; i < 200; i++) {
                ps.setInt(1, i / 7);
                ps.setString(2, "k" + (i % 7));
                ps.setString(3, i % 10 == 0 ? null : String.format("%03d", i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void fillsEveryRowOfACompositeKeyTableInBatchesAndIsIdempotent(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            compositeTable(c, d, kind);
            // The sync trigger is installed, as in a real expand: the backfill must not let it
            // rewrite the old column with down(up(old)) ('007' would become '7').
            SyncTriggers.install(c, d, Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "code_num"),
                    Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(20)));
            List<BackfillProgress> progress = new ArrayList<>();
            BackfillResult r = Backfill.run(c, d, Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "code_num"),
                    Conversion.cast(SQLDataType.INTEGER), BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(9).withListener(new BackfillListener() {
                        @Override
                        public void onProgress(BackfillProgress p) {
                            progress.add(p);
                        }
                    }));
            assertEquals(180, r.rowsUpdated());
            assertEquals(23, r.batches(), "200 rows in batches of 9");
            assertFalse(r.resumed());
            assertEquals(23, progress.size());
            assertEquals(200, progress.get(progress.size() - 1).rowsDone());
            assertEquals(200, progress.get(0).totalRows());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i).rowsDone() > progress.get(i - 1).rowsDone());
            }
            assertTrue(progress.get(5).describe().contains("/ 200 rows"), progress.get(5).describe());
            assertEquals(0L, count(c, d, kind, "%s IS NOT NULL AND %s IS NULL"), "every non-null source was converted");
            assertEquals(180L, count(c, d, kind, "CAST(%s AS INTEGER) = %s"));
            assertEquals(9L, count(c, d, kind, "%s LIKE '00%%' AND %s < 10"), "the old column keeps its leading zeros ('001'..'009')");
            assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s", Db.n(kind, "concertina_backfill")))).longValue(),
                    "the checkpoint is gone once finished");

            BackfillResult again = Backfill.run(c, d, Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "code_num"),
                    Conversion.cast(SQLDataType.INTEGER), BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(50));
            assertEquals(0, again.rowsUpdated(), "a second run changes nothing");
        }
    }

    private static long count(Connection c, Dialect d, DbKind kind, String condition) throws Exception {
        String code = Db.n(kind, "code");
        String num = Db.n(kind, "code_num");
        String cond = condition.contains("CAST") ? q(d, condition.replace("INTEGER", kind == DbKind.MARIADB ? "SIGNED" : "INTEGER"), code, num)
                : q(d, condition, code, num);
        return ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE ", Db.n(kind, "pair")) + cond)).longValue();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void growsBatchesThatFinishFarUnderTheTargetTime(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            compositeTable(c, d, kind);
            List<Long> done = new ArrayList<>();
            // A target no batch of 200 rows comes near: every batch doubles, up to 64 x the first.
            BackfillResult r = Backfill.run(c, d, Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "note"), Conversion.identity(),
                    BackfillOptions.defaults().withBatchSize(2).withTargetBatchTime(Duration.ofSeconds(30)).withListener(new BackfillListener() {
                        @Override
                        public void onProgress(BackfillProgress p) {
                            done.add(p.rowsDone());
                        }
                    }));
            assertEquals(List.of(2L, 6L, 14L, 30L, 62L, 126L, 200L), done, "batches of 2, 4, 8, 16, 32, 64, then the rest");
            assertEquals(180, r.rowsUpdated());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void resumesAfterTheLastCommittedBatchWhenStopped(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Connection c = db.connect()) {
                compositeTable(c, d, kind);
            }
            // The first run dies after its third batch (a listener failure stands for a kill: the
            // three batches are committed, the process is gone).
            try (Connection c = db.connect()) {
                AtomicInteger seen = new AtomicInteger();
                BackfillOptions dying = BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(10).withListener(new BackfillListener() {
                    @Override
                    public void onProgress(BackfillProgress p) {
                        if (seen.incrementAndGet() == 3) {
                            throw new IllegalStateException("killed");
                        }
                    }
                });
                assertThrows(IllegalStateException.class, () -> Backfill.run(c, d, Db.n(kind, "pair"), Db.n(kind, "code"),
                        Db.n(kind, "note"), Conversion.sql("CONCAT('n', {})"), dying));
                assertEquals(27L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL",
                        Db.n(kind, "pair"), Db.n(kind, "note")))).longValue(), "30 rows passed, 3 had a null source");
            }
            try (Connection c = db.connect()) {
                List<BackfillProgress> progress = new ArrayList<>();
                BackfillResult r = Backfill.run(c, d, Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "note"),
                        Conversion.sql("CONCAT('n', {})"), BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(10).withListener(new BackfillListener() {
                            @Override
                            public void onProgress(BackfillProgress p) {
                                progress.add(p);
                            }
                        }));
                assertTrue(r.resumed());
                assertEquals(153, r.rowsUpdated(), "only the rows after the checkpoint");
                assertEquals(18, r.batches(), "170 rows left: 17 full batches of 10 and the closing (empty) one");
                assertEquals(30, progress.get(0).rowsDone(), "progress starts where the first run stopped");
                assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND %s <> CONCAT('n', %s)",
                        Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "note"), Db.n(kind, "code")))).longValue());
                assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE %s IS NOT NULL AND %s IS NULL",
                        Db.n(kind, "pair"), Db.n(kind, "code"), Db.n(kind, "note")))).longValue());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void retriesABatchThatWaitedTooLongForARowLock(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect(); Connection holder = db.connect()) {
            String t = Db.n(kind, "item");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(10), %s VARCHAR(10))", t, Db.n(kind, "id"), Db.n(kind, "a"), Db.n(kind, "b")));
            for (int i = 1; i <= 50; i++) {
                Db.exec(c, q(d, "INSERT INTO %s VALUES (" + i + ", 'v" + i + "', NULL)", t));
            }
            holder.setAutoCommit(false);
            Db.exec(holder, q(d, "UPDATE %s SET %s = 'held' WHERE %s = 25", t, Db.n(kind, "a"), Db.n(kind, "id")));
            CountDownLatch retried = new CountDownLatch(1);
            Thread release = new Thread(() -> {
                try {
                    retried.await();
                    holder.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            List<String> reasons = new ArrayList<>();
            BackfillResult r = Backfill.run(c, d, t, Db.n(kind, "a"), Db.n(kind, "b"), Conversion.identity(),
                    BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(20).withLockTimeout(Duration.ofMillis(200)).withListener(new BackfillListener() {
                        @Override
                        public void onRetry(String table, String column, int attempt, Duration delay, String reason) {
                            reasons.add(reason);
                            retried.countDown();
                        }
                    }));
            release.join();
            assertFalse(reasons.isEmpty(), "the locked batch timed out and was retried");
            assertEquals(1, r.retries());
            assertEquals(50, r.rowsUpdated());
            assertEquals("held", Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 25", Db.n(kind, "b"), t, Db.n(kind, "id"))),
                    "the retried batch saw the committed value");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesATableWithoutPrimaryKeyAndAConnectionInATransaction(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT, %s INT)", Db.n(kind, "heap"), Db.n(kind, "a"), Db.n(kind, "b")));
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> Backfill.run(c, d, Db.n(kind, "heap"),
                    Db.n(kind, "b"), DSL.field(DSL.name(Db.n(kind, "a"))), BackfillOptions.defaults()));
            assertTrue(e.getMessage().contains("has no primary key"), e.getMessage());
            assertTrue(e.getMessage().startsWith("backfill \"" + Db.n(kind, "heap") + "\".\"" + Db.n(kind, "b") + "\""), e.getMessage());

            c.setAutoCommit(false);
            ConcertinaException tx = assertThrows(ConcertinaException.class, () -> Backfill.run(c, d, Db.n(kind, "heap"),
                    Db.n(kind, "b"), DSL.field(DSL.name(Db.n(kind, "a"))), BackfillOptions.defaults()));
            assertEquals(ErrorCode.REFUSED, tx.code());
            assertTrue(tx.getMessage().contains("transactional = false"), tx.getMessage());
        }
    }
}
