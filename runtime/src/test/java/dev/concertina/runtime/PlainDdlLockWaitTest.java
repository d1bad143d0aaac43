package dev.concertina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.online.LockRetry;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plain DDL statement of a migration — generated or hand-written, not one of the online forms —
 * waits for its lock as the online forms do (issue 14): a short wait per attempt, retried, then a
 * failure that names the session holding the table, never an unbounded wait in the lock queue
 * behind which the application's queries would pile up.
 */
class PlainDdlLockWaitTest {

    private static final LockRetry QUICK = new LockRetry(Duration.ofMillis(300), 3, Duration.ofSeconds(6));

    @Revision(id = "plainddl1", branch = Branch.EXPAND)
    public static final class InTransaction implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {
            ctx.dsl().alterTable(DSL.name("child")).addColumn(DSL.name("note"), SQLDataType.VARCHAR(20)).execute();
        }
    }

    @Revision(id = "plainddl2", branch = Branch.EXPAND, transactional = false)
    public static final class StepByStep implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {
            ctx.dsl().alterTable(DSL.name("child")).addColumn(DSL.name("note"), SQLDataType.VARCHAR(20)).execute();
        }
    }

    private static Migrator migrator(FreshDatabase db, Class<? extends Migration> migration, List<String> progress) {
        return Migrator.open(MigratorConfig.builder()
                .url(db.url())
                .user(db.user())
                .password(db.password())
                .lockRetry(QUICK)
                .listener(new MigrationListener() {
                    @Override
                    public void progress(ResolvedMigration revision, String message) {
                        progress.add(message);
                    }
                })
                .migrations(MigrationSource.of(List.of(ResolvedMigration.of(migration))))
                .build());
    }

    @ParameterizedTest
    @CsvSource({"POSTGRES, true", "POSTGRES, false", "MARIADB, true", "MARIADB, false"})
    void aHeldTableMakesAPlainAlterRetryThenFailNamingTheHolder(DbKind kind, boolean transactional) throws Exception {
        Class<? extends Migration> migration = transactional ? InTransaction.class : StepByStep.class;
        try (FreshDatabase db = FreshDatabase.create(kind); Connection report = db.connect()) {
            exec(report, "create table child (id int primary key, qty int)", "insert into child values (1, 1)");
            if (kind == DbKind.POSTGRES) exec(report, "set application_name = 'nightly-report'");
            report.setAutoCommit(false);
            exec(report, "select count(*) from child");

            List<String> progress = new CopyOnWriteArrayList<>();
            ConcertinaException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    ConcertinaException.class, () -> {
                        try (Migrator m = migrator(db, migration, progress)) {
                            m.sync(SyncScope.ALL);
                        }
                    }));
            assertTrue(e.getMessage().contains("attempt(s)") && e.getMessage().contains("held by"), e.getMessage());
            if (kind == DbKind.POSTGRES) {
                assertTrue(e.getMessage().contains("nightly-report") && e.getMessage().contains("select count(*) from child"),
                        e.getMessage());
            } else {
                assertTrue(e.getMessage().contains("connection " + id(report)), e.getMessage());
            }
            assertTrue(progress.stream().anyMatch(p -> p.contains("lock busy") && p.contains("retrying")), progress.toString());
            assertEquals(List.of(), columns(db, "note"), "nothing added");

            // The report ends while the migration retries: the same sync goes through.
            progress.clear();
            CompletableFuture<Void> endReport = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                    report.rollback();
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            });
            try (Migrator m = migrator(db, migration, progress)) {
                m.sync(SyncScope.ALL);
            }
            endReport.join();
            assertEquals(List.of("note"), columns(db, "note"));
            assertTrue(progress.stream().anyMatch(p -> p.contains("retrying")), progress.toString());
        }
    }

    private static String id(Connection c) throws Exception {
        return query(c, "select connection_id()").get(0);
    }

    private static List<String> columns(FreshDatabase db, String name) throws Exception {
        try (Connection c = db.connect()) {
            // MariaDB's information_schema spans every database on the server: this one's only.
            String schema = db.kind() == DbKind.MARIADB ? "database()" : "current_schema";
            return query(c, "select column_name from information_schema.columns where table_schema = " + schema
                    + " and lower(table_name) = 'child' and lower(column_name) = '" + name + "'");
        }
    }

    private static List<String> query(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static void exec(Connection c, String... sql) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }
}
