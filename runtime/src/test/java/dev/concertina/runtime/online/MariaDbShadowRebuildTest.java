package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.BackfillListener;
import dev.concertina.runtime.expand.BackfillOptions;
import dev.concertina.runtime.expand.BackfillProgress;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.Constraint;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A check added on a real MariaDB through a shadow table swapped in by a rename: the same table as
 * the plain {@code ALTER TABLE … ADD CONSTRAINT … CHECK}, every row (also those a concurrent writer
 * writes during the copy), a killed run recovered, and the plain copy where the rebuild is unsafe.
 */
class MariaDbShadowRebuildTest {

    private static final String TABLE = "item";
    private static final String CREATE = "create table %s (id bigint auto_increment primary key, qty int not null default 1,"
            + " code varchar(20), total int as (qty * 2) virtual, unique key uq_code (code), key ix_qty (qty),"
            + " constraint ck_code check (code <> '')) comment 'items'";

    private static final org.jooq.DataType<String> CODE_NOT_NULL = SQLDataType.VARCHAR(20).nullable(false);

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static Constraint check() {
        return DSL.constraint(n("ck_qty")).check(DSL.field(n("qty")).ge(DSL.inline(0)));
    }

    private static MigrationContext ctx(Connection c, List<String> progress) {
        return OnlineContexts.of(c, Dialect.MARIADB, LockRetry.DEFAULTS, progress::add);
    }

    private static void load(Connection c, String table, int rows) throws Exception {
        exec(c, String.format(CREATE, table));
        exec(c, "insert into " + table + " (qty, code) select seq % 50, concat('c', seq) from seq_1_to_" + rows);
    }

    /** SHOW CREATE TABLE without the AUTO_INCREMENT counter, which depends on the rows written. */
    private static String definition(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show create table `" + table + "`")) {
            rs.next();
            return rs.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", "");
        }
    }

    private static Map<Long, String> rows(Connection c, String table) throws Exception {
        Map<Long, String> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, qty, code, total from `" + table + "`")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getInt(4));
            }
        }
        return out;
    }

    /** Concertina's leftovers: tables and triggers named concertina_… */
    private static List<String> leftovers(Connection c) throws Exception {
        List<String> out = new java.util.ArrayList<>(column(c,
                "select table_name from information_schema.tables where table_schema = database() and table_name like 'concertina%'"));
        out.addAll(column(c, "select trigger_name from information_schema.triggers where trigger_schema = database()"));
        return out;
    }

    @Test
    void theRebuildGivesTheTableThePlainFormGivesWithEveryRow() throws Exception {
        try (FreshDatabase online = FreshDatabase.create(DbKind.MARIADB); FreshDatabase plain = FreshDatabase.create(DbKind.MARIADB);
             Connection o = online.connect(); Connection p = plain.connect()) {
            load(o, TABLE, 3000);
            load(p, TABLE, 3000);
            exec(o, "delete from item where id > 2990"); // the counter stays above the deleted rows
            exec(p, "delete from item where id > 2990");
            List<String> progress = new CopyOnWriteArrayList<>();
            OnlineDdl.addCheck(ctx(o, progress), n(TABLE), check());
            exec(p, "alter table item add constraint ck_qty check (`qty` >= 0)");
            assertEquals(definition(p, TABLE), definition(o, TABLE));
            assertEquals(rows(p, TABLE), rows(o, TABLE));
            assertEquals(List.of(), leftovers(o));
            assertTrue(progress.stream().anyMatch(m -> m.contains("rows (100%)")), progress.toString());
            assertEquals(column(p, "select auto_increment from information_schema.tables where table_schema = database() and table_name = 'item'"),
                    column(o, "select auto_increment from information_schema.tables where table_schema = database() and table_name = 'item'"));
            assertThrows(java.sql.SQLException.class, () -> exec(o, "insert into item (qty, code) values (-1, 'neg')"));
            // Run again: the check is there, nothing is rebuilt.
            progress.clear();
            OnlineDdl.addCheck(ctx(o, progress), n(TABLE), check());
            assertTrue(progress.stream().anyMatch(m -> m.contains("already there")), progress.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "not null"})
    void aWriterKeepsWritingDuringTheCopyAndEveryWriteSurvives(String change) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect(); Connection app = db.connect()) {
            load(c, TABLE, 20_000);
            AtomicBoolean copying = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            AtomicInteger duringCopy = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Map<Long, Integer> expected = new java.util.concurrent.ConcurrentHashMap<>();
            Thread writer = new Thread(() -> {
                try (PreparedStatement ins = app.prepareStatement("insert into item (qty, code) values (?, ?)", Statement.RETURN_GENERATED_KEYS);
                     PreparedStatement upd = app.prepareStatement("update item set qty = ? where id = ?");
                     PreparedStatement del = app.prepareStatement("delete from item where id = ?")) {
                    for (int i = 0; !stop.get(); i++) {
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        long id = 1 + r.nextInt(20_000);
                        if (i % 3 == 0) {
                            ins.setInt(1, 7);
                            ins.setString(2, "w" + i);
                            ins.executeUpdate();
                            try (ResultSet k = ins.getGeneratedKeys()) {
                                k.next();
                                expected.put(k.getLong(1), 7);
                            }
                        } else if (i % 3 == 1) {
                            upd.setInt(1, 40 + i % 9);
                            upd.setLong(2, id);
                            if (upd.executeUpdate() == 1) {
                                expected.put(id, 40 + i % 9);
                            }
                        } else if (i % 30 == 2) {
                            del.setLong(1, id);
                            del.executeUpdate();
                            expected.put(id, -1);
                        }
                        if (copying.get()) {
                            duringCopy.incrementAndGet();
                        }
                        Thread.sleep(2);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "writer");
            writer.start();
            // Small batches with pauses, so the writer's rows fall between and inside batches.
            BackfillOptions slow = BackfillOptions.defaults().withBatchSize(500).withTargetBatchTime(Duration.ofMillis(5))
                    .withPause(Duration.ofMillis(40)).withListener(new BackfillListener() {
                        @Override
                        public void onProgress(BackfillProgress p) {
                            copying.set(true);
                        }
                    });
            Thread.sleep(300);
            if (change.equals("check")) {
                MariaDbShadowRebuild.addCheck(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), check(), slow);
            } else {
                MariaDbShadowRebuild.setNotNull(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), n("code"), CODE_NOT_NULL, slow);
            }
            copying.set(false);
            Thread.sleep(300); // writes after the swap go to the new table
            stop.set(true);
            writer.join();
            assertEquals(null, failure.get(), () -> "the writer failed: " + failure.get());
            assertTrue(duringCopy.get() > 50, "writes during the copy: " + duringCopy.get());
            Map<Long, String> now = rows(c, TABLE);
            for (Map.Entry<Long, Integer> e : expected.entrySet()) {
                String row = now.get(e.getKey());
                if (e.getValue() == -1) {
                    assertEquals(null, row, "deleted row " + e.getKey());
                } else {
                    assertTrue(row != null && row.startsWith(e.getValue() + "/"), "row " + e.getKey() + ": " + row + ", expected qty " + e.getValue());
                }
            }
            long untouched = 20_000 - expected.keySet().stream().filter(k -> k <= 20_000).count();
            assertEquals(untouched, now.keySet().stream().filter(k -> k <= 20_000 && !expected.containsKey(k)).count());
            assertTrue(definition(c, TABLE).contains(change.equals("check")
                    ? "CONSTRAINT `ck_qty` CHECK (`qty` >= 0)" : "`code` varchar(20) NOT NULL"), definition(c, TABLE));
            assertEquals(List.of(), leftovers(c));
        }
    }

    @Test
    void notNullThroughTheShadowGivesTheTableThePlainFormGives() throws Exception {
        try (FreshDatabase online = FreshDatabase.create(DbKind.MARIADB); FreshDatabase plain = FreshDatabase.create(DbKind.MARIADB);
             Connection o = online.connect(); Connection p = plain.connect()) {
            load(o, TABLE, 3000);
            load(p, TABLE, 3000);
            List<String> progress = new CopyOnWriteArrayList<>();
            OnlineDdl.setNotNull(ctx(o, progress), n(TABLE), n("code"), CODE_NOT_NULL);
            exec(p, "alter table item modify code varchar(20) not null");
            assertEquals(definition(p, TABLE), definition(o, TABLE));
            assertEquals(rows(p, TABLE), rows(o, TABLE));
            assertEquals(List.of(), leftovers(o));
            assertTrue(progress.stream().anyMatch(m -> m.contains("rows (100%)")), "copied in batches: " + progress);
            assertThrows(java.sql.SQLException.class, () -> exec(o, "insert into item (qty, code) values (1, null)"));
            progress.clear();
            OnlineDdl.setNotNull(ctx(o, progress), n(TABLE), n("code"), CODE_NOT_NULL);
            assertTrue(progress.stream().anyMatch(m -> m.contains("already there")), progress.toString());
        }
    }

    @Test
    void rowsWithNullFailNotNullWithTheirCountAndLeaveNothing() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, TABLE, 100);
            exec(c, "update item set code = null where id <= 3");
            ConcertinaException e = assertThrows(ConcertinaException.class,
                    () -> OnlineDdl.setNotNull(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), n("code"), CODE_NOT_NULL));
            assertTrue(e.getMessage().contains("has 3 row(s) with NULL in `code`"), e.getMessage());
            assertEquals(List.of(), leftovers(c));
            assertTrue(definition(c, TABLE).contains("`code` varchar(20) DEFAULT NULL"), definition(c, TABLE));
        }
    }

    @Test
    void aRunKilledDuringTheCopyIsRecoveredByTheNextRun() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, TABLE, 5000);
            BackfillOptions dies = BackfillOptions.defaults().withBatchSize(500).withTargetBatchTime(Duration.ofMillis(5))
                    .withListener(new BackfillListener() {
                        @Override
                        public void onProgress(BackfillProgress p) {
                            throw new IllegalStateException("killed");
                        }
                    });
            assertThrows(IllegalStateException.class,
                    () -> MariaDbShadowRebuild.addCheck(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), check(), dies));
            String shadow = MariaDbShadowRebuild.ownName("new_", TABLE);
            assertEquals(List.of(shadow), column(c, "select table_name from information_schema.tables"
                    + " where table_schema = database() and table_name like 'concertina%'"));
            // The application goes on writing through the leftover triggers.
            exec(c, "insert into item (qty, code) values (3, 'between')", "update item set qty = 9 where id = 4999");
            Map<Long, String> before = rows(c, TABLE);
            List<String> progress = new CopyOnWriteArrayList<>();
            OnlineDdl.addCheck(ctx(c, progress), n(TABLE), check());
            assertTrue(progress.stream().anyMatch(m -> m.contains("left by an earlier run")), progress.toString());
            assertEquals(before, rows(c, TABLE));
            assertEquals(List.of(), leftovers(c));
            assertTrue(definition(c, TABLE).contains("`ck_qty`"));
        }
    }

    @Test
    void anOldTableLeftAfterTheSwapIsDroppedByTheNextRun() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, TABLE, 100);
            OnlineDdl.addCheck(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), check());
            String old = MariaDbShadowRebuild.ownName("old_", TABLE);
            exec(c, "create table `" + old + "` like item"); // as a run killed between the rename and the drop leaves it
            OnlineDdl.addCheck(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), check());
            assertEquals(List.of(), leftovers(c));
        }
    }

    @Test
    void rowsBreakingTheCheckFailTheStepWithTheirCountAndLeaveNothing() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, TABLE, 100);
            exec(c, "update item set qty = -5 where id in (3, 7)");
            ConcertinaException e = assertThrows(ConcertinaException.class,
                    () -> OnlineDdl.addCheck(ctx(c, new CopyOnWriteArrayList<>()), n(TABLE), check()));
            assertTrue(e.getMessage().contains("2 row(s) violating"), e.getMessage());
            assertEquals(List.of(), leftovers(c));
            assertTrue(!definition(c, TABLE).contains("ck_qty"));
        }
    }

    @Test
    void aLongTableNameGivesShadowNamesThatFit() throws Exception {
        String longName = "t".repeat(60);
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, longName, 100);
            assertTrue(MariaDbShadowRebuild.ownName("new_", longName).length() <= 64);
            List<String> progress = new CopyOnWriteArrayList<>();
            OnlineDdl.addCheck(ctx(c, progress), n(longName), check());
            assertTrue(progress.stream().anyMatch(m -> m.contains("rows (100%)")), progress.toString());
            assertTrue(definition(c, longName).contains("`ck_qty`"));
            assertEquals(100, rows(c, longName).size());
            assertEquals(List.of(), leftovers(c));
        }
    }

    @Test
    void unsafeTablesFallBackToThePlainCopySayingWhy() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            load(c, TABLE, 100);
            exec(c, "create table note (id int primary key, item_id bigint, foreign key fk_note_item (item_id) references item (id))",
                    "create table plain (qty int)",
                    "insert into plain values (1)",
                    "create table audited (id int primary key, qty int)",
                    "create table audit_log (n int)",
                    "create trigger audited_ins after insert on audited for each row insert into audit_log values (1)");
            Map<String, String> why = Map.of(TABLE, "foreign keys", "plain", "no primary key", "audited", "triggers [audited_ins]");
            for (Map.Entry<String, String> t : why.entrySet()) {
                List<String> progress = new CopyOnWriteArrayList<>();
                OnlineDdl.addCheck(ctx(c, progress), n(t.getKey()), check());
                assertTrue(progress.stream().anyMatch(m -> m.contains("copies the table with writes blocked") && m.contains(t.getValue())),
                        t.getKey() + ": " + progress);
                assertTrue(definition(c, t.getKey()).contains("`ck_qty`"), t.getKey());
            }
            assertEquals(List.of("audited_ins"), leftovers(c));
            assertEquals(List.of("fk_note_item"), column(c, "select constraint_name from information_schema.referential_constraints"
                    + " where constraint_schema = database() and referenced_table_name = 'item'"));
        }
    }
}
