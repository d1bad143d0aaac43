package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.column;
import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Branch;
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
 * A column swap run by the {@link Migrator} on PostgreSQL whose session is killed after the backfill,
 * while the swap's transaction waits for its lock: the next sync resumes with the new column it left and
 * finishes, with every value (and the rows written in between) in place.
 */
class ColumnSwapRecoveryTest {

    @Revision(id = "swp1", branch = Branch.EXPAND, transactional = false, message = "table and a wider column")
    public static final class WidenQty implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {
            OnlineDdl.execute(ctx, ctx.dsl().createTable(DSL.quotedName("note")).column(DSL.quotedName("id"), SQLDataType.INTEGER),
                    DSL.quotedName("note"));
            OnlineDdl.changeType(ctx, DSL.quotedName("item"), DSL.quotedName("qty"), SQLDataType.BIGINT);
        }
    }

    @Test
    void aSwapKilledAfterItsBackfillIsFinishedByTheNextSync() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection reader = db.connect(); Connection admin = db.connect()) {
            exec(admin, "create table item (id int primary key, qty int)", "insert into item select g, g from generate_series(1, 5000) g");
            MigratorConfig config = MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password()).appliedBy("tester")
                    .migrations(MigrationSource.of(List.of(ResolvedMigration.of(WidenQty.class))))
                    .lockRetry(new LockRetry(Duration.ofSeconds(30), 1, Duration.ofSeconds(60))).build();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Migrator m = Migrator.open(config)) {
                Future<?> sync = pool.submit(() -> m.sync(SyncScope.ALL));
                // Once the sync trigger is there the backfill runs; a reader's open transaction then holds the swap up.
                for (int i = 0; i < 600 && column(admin, "select tgname from pg_trigger where tgrelid = 'item'::regclass").isEmpty(); i++) {
                    Thread.sleep(10);
                }
                reader.setAutoCommit(false);
                exec(reader, "select count(*) from item");
                String pid = null;
                for (int i = 0; i < 600 && pid == null; i++) {
                    List<String> waiting = column(admin, "select pid from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query ilike 'DROP TRIGGER%'");
                    pid = waiting.isEmpty() ? null : waiting.get(0);
                    Thread.sleep(20);
                }
                assertTrue(pid != null, "the swap never waited for the open transaction");
                assertEquals(List.of("0"), column(admin, "select count(*) from item where concertina_new_qty is distinct from qty"));
                exec(admin, "select pg_terminate_backend(" + Integer.parseInt(pid) + ")");
                assertThrows(ExecutionException.class, () -> sync.get(60, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
            exec(admin, "insert into item values (9001, 91)", "update item set qty = 92 where id = 1");
            reader.rollback();
            try (Migrator m = Migrator.open(config)) {
                m.sync(SyncScope.ALL);
            }
            assertEquals(List.of("bigint"), column(admin, "select data_type from information_schema.columns"
                    + " where table_name = 'item' and column_name = 'qty'"));
            assertEquals(List.of("5001 92 91"), column(admin, "select count(*) || ' ' || sum(case when id = 1 then qty end)"
                    + " || ' ' || sum(case when id = 9001 then qty end) from item"));
            assertEquals(List.of(), column(admin, "select tgname from pg_trigger where tgrelid = 'item'::regclass"));
            assertEquals(List.of("note"), column(admin, "select table_name from information_schema.tables where table_name = 'note'"));
        }
    }
}
