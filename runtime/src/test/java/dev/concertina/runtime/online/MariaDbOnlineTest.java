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
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** The online forms on a real MariaDB: same schema as the plain forms, lock waits that give up naming the holder. */
class MariaDbOnlineTest {

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static final String[] SETUP = {
        "create table parent (id int primary key)",
        "create table child (id int primary key, parent_id int, email varchar(50), code varchar(10), qty int, extra int)",
        "insert into parent values (1), (2), (3)",
        "insert into child values (1, 1, 'a@x', 'a', 1, 0), (2, 2, 'b@x', 'b', 2, 0), (3, null, 'c@x', 'c', 3, 0)",
    };

    private static List<String> tables(Connection c) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String t : List.of("parent", "child")) {
            out.addAll(column(c, "show create table " + t).isEmpty() ? List.of() : List.of(showCreate(c, t)));
        }
        return out;
    }

    private static String showCreate(Connection c, String table) throws Exception {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("show create table " + table)) {
            rs.next();
            return rs.getString(2);
        }
    }

    @Test
    void theOnlineFormsBuildTheSchemaThePlainFormsBuild() throws Exception {
        try (FreshDatabase online = FreshDatabase.create(DbKind.MARIADB); FreshDatabase plain = FreshDatabase.create(DbKind.MARIADB);
             Connection o = online.connect(); Connection p = plain.connect()) {
            exec(o, SETUP);
            exec(p, SETUP);
            MigrationContext ctx = OnlineContexts.of(o, Dialect.MARIADB, LockRetry.DEFAULTS, m -> { });
            for (int run = 0; run < 2; run++) { // indexes found in place are kept
                OnlineDdl.createIndex(ctx, n("ix_child_code"), n("child"), false, n("code"));
            }
            OnlineDdl.addUnique(ctx, n("child"), n("uq_child_email"), n("email"));
            OnlineDdl.addForeignKey(ctx, n("child"), DSL.constraint(n("fk_child_parent")).foreignKey(n("parent_id"))
                    .references(n("parent"), n("id")), new Name[] {n("parent_id")}, n("parent"), new Name[] {n("id")});
            OnlineDdl.addCheck(ctx, n("child"), DSL.constraint(n("ck_qty")).check(DSL.condition("qty > 0")));
            OnlineDdl.setNotNull(ctx, n("child"), n("email"), SQLDataType.VARCHAR(50).notNull());
            OnlineDdl.setNotNull(ctx, n("child"), n("extra"), SQLDataType.INTEGER.notNull().defaultValue(DSL.inline(0)));
            OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("child")).dropColumn(n("qty")).cascade(), n("child"));
            exec(p, "create index ix_child_code on child (code)",
                    "alter table child add constraint uq_child_email unique (email)",
                    "alter table child add constraint fk_child_parent foreign key (parent_id) references parent (id)",
                    "alter table child add constraint ck_qty check (qty > 0)",
                    "alter table child modify email varchar(50) not null",
                    "alter table child modify extra int not null default 0",
                    "alter table child drop column qty");
            assertEquals(tables(p), tables(o));
        }
    }

    @Test
    void aForeignKeyBrokenByRowsWrittenDuringTheChangeFailsTheStep() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection c = db.connect()) {
            exec(c, SETUP);
            exec(c, "insert into child values (9, 42, 'z@x', 'z', 9, 0)"); // no parent 42: as if written after the pre-check
            MigrationContext ctx = OnlineContexts.of(c, Dialect.MARIADB, LockRetry.DEFAULTS, m -> { });
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> OnlineDdl.addForeignKey(ctx, n("child"),
                    DSL.constraint(n("fk_child_parent")).foreignKey(n("parent_id")).references(n("parent"), n("id")),
                    new Name[] {n("parent_id")}, n("parent"), new Name[] {n("id")}));
            assertTrue(e.getMessage().contains("1 row(s)") && e.getMessage().contains("`parent`"), e.getMessage());
            assertEquals(List.of("1"), column(c, "select @@foreign_key_checks"));
        }
    }

    @Test
    void aLongTransactionMakesTheStepRetryThenFailNamingIt() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection a = db.connect(); Connection report = db.connect()) {
            exec(a, SETUP);
            String id = column(report, "select connection_id()").get(0);
            report.setAutoCommit(false);
            exec(report, "select count(*) from child");
            List<String> progress = new CopyOnWriteArrayList<>();
            MigrationContext ctx = OnlineContexts.of(a, Dialect.MARIADB, new LockRetry(Duration.ofSeconds(1), 1, Duration.ofSeconds(3)),
                    progress::add);
            ConcertinaException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(ConcertinaException.class,
                    () -> OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("child")).addColumn(n("note"), SQLDataType.VARCHAR(20)), n("child"))));
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("connection " + id) && e.getMessage().contains("2 attempt(s)"), e.getMessage());
            assertEquals(1, progress.stream().filter(m -> m.contains("retrying")).count(), progress.toString());
            report.rollback();
            OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("child")).addColumn(n("note"), SQLDataType.VARCHAR(20)), n("child"));
            assertTrue(showCreate(a, "child").contains("`note`"));
        }
    }
}
