package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The column swap on a real MariaDB: the column ALTER gives, no lost write, fallbacks. */
class MariaDbColumnSwapTest {

    private static final String SETUP = "create table person (id int primary key, visits int not null default 7 comment 'times, it''s', note int)";
    private static final DataType<Long> BIGINT_7 = SQLDataType.BIGINT.notNull().defaultValue(DSL.inline(7L));

    private static List<String> describe(Connection c, String col) throws Exception {
        return column(c, "select concat_ws(' | ', column_type, is_nullable, column_default, column_comment) from information_schema.columns"
                + " where table_schema = database() and table_name = 'person' and column_name = '" + col + "'");
    }

    @Test
    void theSwapGivesTheColumnAlterGivesAndLosesNoWrite() throws Exception {
        try (FreshDatabase a = FreshDatabase.create(DbKind.MARIADB); FreshDatabase b = FreshDatabase.create(DbKind.MARIADB);
             Connection s = a.connect(); Connection p = b.connect()) {
            exec(s, SETUP);
            exec(p, SETUP, "alter table person modify visits bigint not null default 7 comment 'times, it''s'");
            StringBuilder rows = new StringBuilder("insert into person (id, visits) values (1, 1)");
            for (int i = 2; i <= 20000; i++) {
                rows.append(", (").append(i).append(", ").append(i).append(')');
            }
            exec(s, rows.toString());
            Map<Integer, Integer> expected = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> writes = pool.submit(() -> {
                int count = 0;
                try (Connection w = a.connect();
                     PreparedStatement ins = w.prepareStatement("insert into person (id, visits) values (?, ?)");
                     PreparedStatement upd = w.prepareStatement("update person set visits = ? where id = ?")) {
                    java.util.Random r = new java.util.Random(1);
                    for (int next = 100_000; !stop.get(); next++, count++) {
                        ins.setInt(1, next);
                        ins.setInt(2, next % 1000);
                        ins.executeUpdate();
                        expected.put(next, next % 1000);
                        int id = 1 + r.nextInt(20000);
                        int v = r.nextInt(1_000_000);
                        upd.setInt(1, v);
                        upd.setInt(2, id);
                        upd.executeUpdate();
                        expected.put(id, v);
                    }
                }
                return count;
            });
            Thread.sleep(100);
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(s, Dialect.MARIADB, LockRetry.DEFAULTS, progress::add);
            OnlineDdl.changeType(ctx, DSL.quotedName("person"), DSL.quotedName("visits"), BIGINT_7);
            Thread.sleep(100);
            stop.set(true);
            assertTrue(writes.get() > 0);
            pool.shutdown();
            assertTrue(progress.stream().anyMatch(m -> m.contains("swapping it in")), progress.toString());
            for (String row : column(s, "select concat(id, ':', visits) from person")) {
                String[] kv = row.split(":");
                Integer want = expected.get(Integer.valueOf(kv[0]));
                if (want != null) {
                    assertEquals(want.toString(), kv[1], "row " + kv[0]);
                }
            }
            assertEquals(describe(p, "visits"), describe(s, "visits"));
            assertEquals(List.of("id", "note", "visits"), column(s, "select column_name from information_schema.columns"
                    + " where table_schema = database() and table_name = 'person' order by ordinal_position"));
            assertEquals(List.of(), column(s, "select trigger_name from information_schema.triggers where trigger_schema = database()"));
        }
    }

    @Test
    void whatHangsOnTheColumnKeepsTheChangeInPlace() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("create index ix_visits on person (visits)", "index");
        cases.put("alter table person add constraint ck_visits check (visits > 0)", "check");
        cases.put("create table target (v int primary key); insert into target values (7);"
                + "alter table person add constraint fk_v foreign key (visits) references target (v)", "foreign key");
        cases.put("alter table person add column twice int as (visits * 2)", "generated column");
        cases.put("alter table person drop primary key", "primary key");
        for (var e : cases.entrySet()) {
            try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection s = db.connect()) {
                exec(s, SETUP, "insert into person (id) values (1)");
                exec(s, e.getKey().split(";"));
                List<String> progress = new CopyOnWriteArrayList<>();
                MigrationContext ctx = OnlineContexts.of(s, Dialect.MARIADB, LockRetry.DEFAULTS, progress::add);
                boolean refused = e.getValue().equals("foreign key"); // MariaDB refuses the ALTER as it would the drop
                try {
                    OnlineDdl.changeType(ctx, DSL.quotedName("person"), DSL.quotedName("visits"), BIGINT_7);
                    assertTrue(!refused, e.getKey());
                } catch (RuntimeException x) {
                    assertTrue(refused, x.toString());
                }
                assertTrue(progress.stream().anyMatch(m -> m.contains("in place") && m.contains(e.getValue())),
                        e.getKey() + ": " + progress);
                assertTrue(describe(s, "visits").get(0).startsWith(refused ? "int" : "bigint"), e.getKey());
            }
        }
    }
}
