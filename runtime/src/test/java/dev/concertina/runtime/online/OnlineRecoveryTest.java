package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Revision;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * A revision mixing plain and online steps, run by the {@link Migrator} on PostgreSQL: a concurrent
 * index build cancelled mid-way fails the revision, and running it again finishes it (the invalid
 * index dropped and built again, the steps done before not repeated).
 */
class OnlineRecoveryTest {

    @Revision(id = "onl1", branch = Branch.EXPAND, transactional = false, message = "table, index, check")
    public static final class AddColumnIndexAndCheck implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {
            OnlineDdl.execute(ctx, ctx.dsl().createTable(DSL.quotedName("note")).column(DSL.quotedName("id"), SQLDataType.INTEGER),
                    DSL.quotedName("note"));
            OnlineDdl.createIndex(ctx, DSL.quotedName("ix_item_code"), DSL.quotedName("item"), false, DSL.quotedName("qty"));
            OnlineDdl.addCheck(ctx, DSL.quotedName("item"), DSL.constraint(DSL.quotedName("ck_item_qty")).check(DSL.condition("qty >= 0")));
        }
    }

    @Test
    void aCancelledConcurrentBuildIsFinishedByTheNextSync() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection writer = db.connect(); Connection admin = db.connect()) {
            exec(admin, "create table item (id int primary key, qty int)", "insert into item select g, g from generate_series(1, 200) g");
            MigratorConfig config = MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password()).appliedBy("tester")
                    .migrations(MigrationSource.of(List.of(ResolvedMigration.of(AddColumnIndexAndCheck.class))))
                    .lockRetry(new LockRetry(Duration.ofMillis(200), 1, Duration.ofSeconds(30))).build();
            writer.setAutoCommit(false);
            exec(writer, "insert into item values (1000, 1)"); // the build waits for this transaction
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Migrator m = Migrator.open(config)) {
                Future<?> sync = pool.submit(() -> m.sync(SyncScope.ALL));
                String pid = null;
                for (int i = 0; i < 300 && pid == null; i++) {
                    List<String> waiting = column(admin, "select pid from pg_stat_activity where query ilike 'create index concurrently%'"
                            + " and wait_event_type = 'Lock'");
                    pid = waiting.isEmpty() ? null : waiting.get(0);
                    Thread.sleep(50);
                }
                assertTrue(pid != null, "the concurrent build never waited for the open transaction");
                exec(admin, "select pg_cancel_backend(" + Integer.parseInt(pid) + ")");
                ExecutionException failed = assertThrows(ExecutionException.class, () -> sync.get(60, TimeUnit.SECONDS));
                assertTrue(failed.getCause() instanceof ConcertinaException, failed.getCause().toString());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("f"), column(admin, "select indisvalid from pg_index where indexrelid = 'ix_item_code'::regclass"));
            writer.commit();
            try (Migrator m = Migrator.open(config)) {
                m.sync(SyncScope.ALL);
            }
            assertEquals(List.of("t"), column(admin, "select indisvalid from pg_index where indexrelid = 'ix_item_code'::regclass"));
            assertEquals(List.of("ck_item_qty true"), column(admin, "select conname || ' ' || convalidated from pg_constraint"
                    + " where conrelid = 'item'::regclass and contype = 'c'"));
            assertEquals(List.of("note"), column(admin, "select table_name from information_schema.tables where table_name = 'note'"));
        }
    }
}
