package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The column swap on a real PostgreSQL: the column ALTER TYPE would give, no lost write, fallbacks, reruns. */
class ColumnSwapTest {

    private static final LockRetry QUICK = new LockRetry(Duration.ofMillis(200), 2, Duration.ofSeconds(2));

    private static final DataType<Long> BIGINT_7 = SQLDataType.BIGINT.notNull().defaultValue(DSL.inline(7L));

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static final String SETUP = "create table person (id int primary key, visits int not null default 7,"
            + " email varchar(200), note varchar(20) default 'x');"
            + "comment on column person.email is 'contact, it''s';"
            + "insert into person select g, g, 'u' || g || '@x', null from generate_series(1, 2000) g;";

    /** The column as information_schema describes it, with its place left out (a swap moves it to the end). */
    private static List<String> describe(Connection c, String col) throws Exception {
        return column(c, "select concat_ws(' | ', data_type, character_maximum_length, numeric_precision, numeric_scale,"
                + " is_nullable, column_default, (select col_description(attrelid, attnum) from pg_attribute"
                + " where attrelid = 'person'::regclass and attname = column_name)) from information_schema.columns"
                + " where table_name = 'person'"
                + " and column_name = '" + col + "'");
    }

    private static List<String> others(Connection c) throws Exception {
        return column(c, "select attname from pg_attribute where attrelid = 'person'::regclass and attnum > 0"
                + " and not attisdropped and attname like 'concertina%' union all select tgname from pg_trigger"
                + " where tgrelid = 'person'::regclass union all select conname from pg_constraint"
                + " where conrelid = 'person'::regclass and contype = 'c'");
    }

    private static void changeBoth(Connection swapped, Connection plain, String col, DataType<?> def, String sqlType,
            List<String> progress) throws Exception {
        MigrationContext ctx = OnlineContexts.of(swapped, Dialect.POSTGRES, LockRetry.DEFAULTS, progress::add);
        OnlineDdl.changeType(ctx, n("person"), n(col), def);
        exec(plain, "alter table person alter column " + col + " type " + sqlType);
    }

    @Test
    void theSwapGivesTheColumnAlterTypeGives() throws Exception {
        try (FreshDatabase a = FreshDatabase.create(DbKind.POSTGRES); FreshDatabase b = FreshDatabase.create(DbKind.POSTGRES);
             Connection s = a.connect(); Connection p = b.connect()) {
            exec(s, SETUP);
            exec(p, SETUP);
            List<String> progress = new CopyOnWriteArrayList<>();
            changeBoth(s, p, "visits", SQLDataType.BIGINT.notNull().defaultValue(DSL.inline(7L)), "bigint", progress);
            changeBoth(s, p, "email", SQLDataType.VARCHAR(50), "varchar(50)", progress);
            changeBoth(s, p, "note", SQLDataType.VARCHAR(10).defaultValue(DSL.inline("x", SQLDataType.VARCHAR(10))),
                    "varchar(10)", progress);
            for (String col : List.of("visits", "email", "note")) {
                assertEquals(describe(p, col), describe(s, col), col + " " + progress);
            }
            String rows = "select id || ':' || visits || ':' || coalesce(email, '-') || ':' || coalesce(note, '-')"
                    + " from person order by id";
            assertEquals(column(p, rows), column(s, rows));
            assertEquals(List.of(), others(s), "nothing of the swap is left");
            assertTrue(progress.stream().noneMatch(m -> m.contains("in place")), progress.toString());
            // Run again (a crash after the swap, before the step was recorded): recognised, nothing changes.
            MigrationContext ctx = OnlineContexts.of(s, Dialect.POSTGRES, LockRetry.DEFAULTS, progress::add);
            OnlineDdl.changeType(ctx, n("person"), n("visits"), SQLDataType.BIGINT.notNull().defaultValue(DSL.inline(7L)));
            assertTrue(progress.stream().anyMatch(m -> m.contains("has the new type already")), progress.toString());
            assertEquals(describe(p, "visits"), describe(s, "visits"));
            assertEquals(List.of(), others(s));
        }
    }

    @Test
    void aWriterDuringTheSwapLosesNothing() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection s = db.connect()) {
            exec(s, SETUP, "insert into person select g, g, 'u' || g, null from generate_series(2001, 40000) g");
            Map<Integer, Integer> expected = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Integer> writes = pool.submit(() -> {
                int count = 0;
                try (Connection w = db.connect();
                     PreparedStatement ins = w.prepareStatement("insert into person (id, visits) values (?, ?)");
                     PreparedStatement upd = w.prepareStatement("update person set visits = ? where id = ?")) {
                    java.util.Random r = new java.util.Random(1);
                    int next = 100_000;
                    while (!stop.get()) {
                        ins.setInt(1, next);
                        ins.setInt(2, next % 1000);
                        ins.executeUpdate();
                        expected.put(next, next % 1000);
                        next++;
                        int id = 1 + r.nextInt(40000);
                        int v = r.nextInt(1_000_000);
                        upd.setInt(1, v);
                        upd.setInt(2, id);
                        upd.executeUpdate();
                        expected.put(id, v);
                        count++;
                    }
                }
                return count;
            });
            Thread.sleep(100);
            MigrationContext ctx = OnlineContexts.of(s, Dialect.POSTGRES, LockRetry.DEFAULTS, m -> {});
            OnlineDdl.changeType(ctx, n("person"), n("visits"), SQLDataType.BIGINT.notNull().defaultValue(DSL.inline(7L)));
            Thread.sleep(100);
            stop.set(true);
            assertTrue(writes.get() > 0);
            pool.shutdown();
            for (String row : column(s, "select id || ':' || visits from person")) {
                String[] kv = row.split(":");
                Integer want = expected.get(Integer.valueOf(kv[0]));
                if (want != null) {
                    assertEquals(want.toString(), kv[1], "row " + kv[0]);
                }
            }
            assertEquals(List.of(String.valueOf(40000 + expected.keySet().stream().filter(k -> k >= 100_000).count())),
                    column(s, "select count(*) from person"));
            assertEquals(List.of("bigint | 64 | 0 | NO | 7"), describe(s, "visits"));
        }
    }

    @Test
    void whatHangsOnTheColumnKeepsTheChangeInPlace() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("create index ix_visits on person (visits)", "index");
        cases.put("create index ix_expr on person ((visits + 1))", "index");
        cases.put("alter table person add constraint uq_visits unique (visits)", "uq_visits");
        cases.put("alter table person add constraint ck_visits check (visits > 0)", "constraint");
        cases.put("alter table person add constraint uq unique (visits);"
                + "create table ref (id int primary key, v int references person (visits))", "of ref");
        cases.put("create table target (v int primary key); insert into target select distinct visits from person;"
                + "alter table person add constraint fk_v foreign key (visits) references target (v)", "constraint");
        cases.put("create view v_person as select visits from person", "view");
        cases.put("create sequence s_visits owned by person.visits", "sequence");
        cases.put("grant select (visits) on person to public", "privileges");
        cases.put("alter table person add column twice int generated always as (visits * 2) stored", "generated column");
        cases.put("create function f() returns trigger language plpgsql as $$begin return new; end$$;"
                + "create trigger t_v before update of visits on person for each row execute function f()", "trigger");
        cases.put("alter table person drop constraint person_pkey", "primary key");
        cases.put("create table kid () inherits (person)", "inherit");
        for (var e : cases.entrySet()) {
            try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection s = db.connect()) {
                exec(s, SETUP);
                exec(s, e.getKey().split(";(?![^$]*\\$\\$)"));
                List<String> progress = new CopyOnWriteArrayList<>();
                MigrationContext ctx = OnlineContexts.of(s, Dialect.POSTGRES, LockRetry.DEFAULTS, progress::add);
                boolean refused = List.of("view", "generated column", "trigger").contains(e.getValue());
                if (refused) { // PostgreSQL refuses ALTER TYPE as it would refuse the swap's drop
                    assertThrows(RuntimeException.class,
                            () -> OnlineDdl.changeType(ctx, n("person"), n("visits"), SQLDataType.BIGINT.notNull()));
                } else {
                    OnlineDdl.changeType(ctx, n("person"), n("visits"), SQLDataType.BIGINT.notNull());
                }
                assertTrue(progress.stream().anyMatch(m -> m.contains("in place") && m.contains(e.getValue())),
                        e.getKey() + ": " + progress);
                assertEquals(List.of(), others(s).stream().filter(x -> x.startsWith("concertina")).toList());
                assertEquals(refused ? "integer" : "bigint", column(s, "select data_type from information_schema.columns"
                        + " where table_name = 'person' and column_name = 'visits'").get(0), e.getKey());
            }
        }
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection s = db.connect()) {
            exec(s, "create table person (id int generated always as identity primary key)");
            List<String> progress = new CopyOnWriteArrayList<>();
            OnlineDdl.changeType(OnlineContexts.of(s, Dialect.POSTGRES, LockRetry.DEFAULTS, progress::add),
                    n("person"), n("id"), SQLDataType.BIGINT.notNull());
            assertTrue(progress.stream().anyMatch(m -> m.contains("identity")), progress.toString());
        }
    }

    @Test
    void aSwapThatFailsAfterTheBackfillIsFinishedByARerun() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection s = db.connect(); Connection holder = db.connect()) {
            exec(s, SETUP);
            holder.setAutoCommit(false);
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(s, Dialect.POSTGRES, QUICK, m -> {
                progress.add(m);
                if (m.endsWith("swapping it in") && progress.stream().noneMatch(x -> x.contains("resuming"))) {
                    try {
                        // A long transaction that reads the table: the swap's ACCESS EXCLUSIVE lock waits and gives up.
                        exec(holder, "select count(*) from person");
                    } catch (java.sql.SQLException x) {
                        throw new IllegalStateException(x);
                    }
                }
            });
            ConcertinaException e = assertThrows(ConcertinaException.class,
                    () -> OnlineDdl.changeType(ctx, n("person"), n("visits"), BIGINT_7));
            assertTrue(e.getMessage().contains("swap"), e.getMessage());
            // Left behind: the new column, filled, NOT NULL, its trigger; the old column untouched.
            assertEquals(List.of("concertina_new_visits", "concertina_sync_person_visits_concertina_new_visits"), others(s));
            assertEquals(List.of("0"), column(s, "select count(*) from person where concertina_new_visits is distinct from visits"));
            exec(s, "insert into person (id, visits) values (5000, 55)"); // the trigger keeps the new column in step
            holder.rollback();
            OnlineDdl.changeType(ctx, n("person"), n("visits"), BIGINT_7);
            assertTrue(progress.stream().anyMatch(m -> m.contains("resuming")), progress.toString());
            assertEquals(List.of(), others(s));
            assertEquals(List.of("bigint | 64 | 0 | NO | 7"), describe(s, "visits"));
            assertEquals(List.of("55"), column(s, "select visits from person where id = 5000"));
        }
    }
}
