package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The online forms on a real PostgreSQL: same schema as the plain forms, recovery, lock waits. */
class PostgresOnlineTest {

    private static final LockRetry QUICK = new LockRetry(Duration.ofMillis(200), 2, Duration.ofSeconds(2));

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static final String SETUP = "create table parent (id int primary key);"
            + "create table child (id int primary key, parent_id int, email varchar(50), code varchar(10), qty int);"
            + "insert into parent select g from generate_series(1, 50) g;"
            + "insert into child select g, 1 + g % 50, 'u' || g || '@x', 'c' || g, g from generate_series(1, 500) g;";

    /** What a schema is made of, as the catalog says: index and constraint definitions, NOT NULL columns. */
    private static List<String> catalog(Connection c) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        out.addAll(column(c, "select indexname || ': ' || indexdef from pg_indexes where schemaname = 'public' order by 1"));
        out.addAll(column(c, "select conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) || ' valid=' || convalidated"
                + " from pg_constraint where connamespace = 'public'::regnamespace order by 1"));
        out.addAll(column(c, "select attrelid::regclass || '.' || attname || ' not null' from pg_attribute"
                + " where attrelid in ('child'::regclass, 'parent'::regclass) and attnum > 0 and attnotnull order by 1"));
        return out;
    }

    @Test
    void theOnlineFormsBuildTheSchemaThePlainFormsBuild() throws Exception {
        try (FreshDatabase online = FreshDatabase.create(DbKind.POSTGRES); FreshDatabase plain = FreshDatabase.create(DbKind.POSTGRES);
             Connection o = online.connect(); Connection p = plain.connect()) {
            exec(o, SETUP);
            exec(p, SETUP);
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(o, Dialect.POSTGRES, LockRetry.DEFAULTS, progress::add);
            for (int run = 0; run < 2; run++) { // the second run finds everything in place and keeps it
                OnlineDdl.createIndex(ctx, n("ix_child_code"), n("child"), false, n("code"));
                OnlineDdl.addUnique(ctx, n("child"), n("uq_child_email"), n("email"));
                OnlineDdl.addUnique(ctx, n("child"), null, n("code"), n("qty"));
                OnlineDdl.addForeignKey(ctx, n("child"), DSL.constraint(n("fk_child_parent")).foreignKey(n("parent_id"))
                        .references(n("parent"), n("id")), new Name[] {n("parent_id")}, n("parent"), new Name[] {n("id")});
                OnlineDdl.addCheck(ctx, n("child"), DSL.constraint(n("ck_qty")).check(DSL.condition("qty > 0")));
                OnlineDdl.setNotNull(ctx, n("child"), n("email"), SQLDataType.VARCHAR(50).notNull());
            }
            exec(p, "create index ix_child_code on child (code)",
                    "alter table child add constraint uq_child_email unique (email)",
                    "alter table child add unique (code, qty)",
                    "alter table child add constraint fk_child_parent foreign key (parent_id) references parent (id)",
                    "alter table child add constraint ck_qty check (qty > 0)",
                    "alter table child alter column email set not null");
            assertEquals(catalog(p), catalog(o));
            assertTrue(progress.stream().anyMatch(m -> m.contains("already built, kept")), progress.toString());
        }
    }

    @Test
    void aBuildKilledMidwayLeavesAnInvalidIndexThatTheNextRunDropsAndBuildsAgain() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection a = db.connect(); Connection writer = db.connect();
             Connection admin = db.connect()) {
            exec(a, SETUP);
            exec(a, "set application_name = 'concertina-index-build'");
            // An open writing transaction: the concurrent build registers its (invalid) index, then waits for it.
            writer.setAutoCommit(false);
            exec(writer, "insert into child values (1000, 1, 'w@x', 'w', 1)");
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(a, Dialect.POSTGRES, QUICK.withPatience(Duration.ofSeconds(30)), progress::add);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> build = pool.submit(() -> {
                    OnlineDdl.createIndex(ctx, n("ix_child_email"), n("child"), true, n("email"));
                    return null;
                });
                String pid = null;
                for (int i = 0; i < 200 && pid == null; i++) {
                    List<String> waiting = column(admin, "select pid from pg_stat_activity where application_name = 'concertina-index-build'"
                            + " and query ilike 'create unique index concurrently%' and wait_event_type = 'Lock'");
                    pid = waiting.isEmpty() ? null : waiting.get(0);
                    Thread.sleep(50);
                }
                assertTrue(pid != null, "the concurrent build never waited for the open transaction");
                exec(admin, "select pg_cancel_backend(" + Integer.parseInt(pid) + ")");
                java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> build.get(60, java.util.concurrent.TimeUnit.SECONDS));
                assertTrue(String.valueOf(failed.getCause().getMessage()).contains("cancel"), failed.getCause().toString());
            } finally {
                pool.shutdownNow();
            }
            // The failed build's own clean-up could not drop it while the writer is open: it is left invalid.
            assertEquals(List.of("f"), column(admin, "select indisvalid from pg_index where indexrelid = 'ix_child_email'::regclass"));
            writer.commit();
            OnlineDdl.createIndex(ctx, n("ix_child_email"), n("child"), true, n("email"));
            assertEquals(List.of("t"), column(admin, "select indisvalid from pg_index where indexrelid = 'ix_child_email'::regclass"));
            assertTrue(progress.stream().anyMatch(m -> m.contains("dropping the invalid index")), progress.toString());
        }
    }

    @Test
    void aLongTransactionMakesTheStepRetryThenFailNamingIt() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection a = db.connect(); Connection report = db.connect()) {
            exec(a, SETUP);
            exec(report, "set application_name = 'nightly-report'");
            String pid = column(report, "select pg_backend_pid()").get(0);
            report.setAutoCommit(false);
            exec(report, "select count(*) from child");
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(a, Dialect.POSTGRES, QUICK, progress::add);
            ConcertinaException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(ConcertinaException.class,
                    () -> OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("child")).addColumn(n("note"), SQLDataType.VARCHAR(20)), n("child"))));
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("pid " + pid) && e.getMessage().contains("nightly-report")
                    && e.getMessage().contains("select count(*) from child") && e.getMessage().contains("3 attempt(s)"), e.getMessage());
            assertEquals(2, progress.stream().filter(m -> m.contains("retrying")).count(), progress.toString());
            assertTrue(!e.getMessage().contains("\n"));
            report.rollback();
            // Once the report is gone, the same step goes through.
            OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("child")).addColumn(n("note"), SQLDataType.VARCHAR(20)), n("child"));
            assertEquals(List.of("note"), column(a, "select column_name from information_schema.columns where table_name = 'child'"
                    + " and column_name = 'note'"));
        }
    }
}
