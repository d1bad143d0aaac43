package dev.concertina.runtime.online;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.Sql;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.api.Test;

/**
 * The statements the online forms issue where no catalog can be read: what the SQL view
 * ({@code diff --format sql}) and the checksums record.
 */
class OnlineDdlSqlTest {

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static List<String> record(Dialect dialect, Class<?> revision) {
        List<String> out = new ArrayList<>();
        MockConnection c = new MockConnection(x -> {
            if (!x.sql().startsWith("select")) {
                out.add(x.sql());
            }
            return new MockResult[] {new MockResult(0, DSL.using(dialect.jooq()).newResult(DSL.field("x")))};
        });
        MigrationContext ctx = new RunContext(Sql.dsl(c, dialect), c, dialect, ResolvedMigration.of(revision), m -> { });
        OnlineDdl.createIndex(ctx, n("ix_a"), n("t"), false, n("a"));
        OnlineDdl.addUnique(ctx, n("t"), n("uq_b"), n("b"));
        OnlineDdl.addForeignKey(ctx, n("t"), DSL.constraint(n("fk_p")).foreignKey(n("p")).references(n("parent"), n("id")),
                new Name[] {n("p")}, n("parent"), new Name[] {n("id")});
        OnlineDdl.addCheck(ctx, n("t"), DSL.constraint(n("ck_a")).check(DSL.condition("a > 0")));
        OnlineDdl.setNotNull(ctx, n("t"), n("b"), SQLDataType.INTEGER.notNull());
        OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("t")).dropColumn(n("c")), n("t"));
        return out;
    }

    @Test
    void postgresOutsideATransactionShowsEachOnlineFormUnderALockTimeout() {
        String nn = PostgresOnline.notNullCheckName("t", "b");
        assertEquals(List.of(
                "set lock_timeout = '300s'",
                "create index concurrently \"ix_a\" on \"t\" (\"a\")",
                "create unique index concurrently \"uq_b\" on \"t\" (\"b\")",
                "set lock_timeout = '500ms'",
                "alter table \"t\" add constraint \"uq_b\" unique using index \"uq_b\"",
                "set lock_timeout = '300s'",
                "set lock_timeout = '500ms'",
                "alter table \"t\" add constraint \"fk_p\" foreign key (\"p\") references \"parent\" (\"id\") not valid",
                "set lock_timeout = '300s'",
                "alter table \"t\" validate constraint \"fk_p\"",
                "set lock_timeout = '500ms'",
                "alter table \"t\" add constraint \"ck_a\" check ((a > 0)) not valid",
                "set lock_timeout = '300s'",
                "alter table \"t\" validate constraint \"ck_a\"",
                "set lock_timeout = '500ms'",
                "alter table \"t\" add constraint \"" + nn + "\" check (\"b\" is not null) not valid",
                "set lock_timeout = '300s'",
                "alter table \"t\" validate constraint \"" + nn + "\"",
                "set lock_timeout = '500ms'",
                "alter table \"t\" alter \"b\" set not null",
                "set lock_timeout = '300s'",
                "set lock_timeout = '500ms'",
                "alter table \"t\" drop constraint if exists \"" + nn + "\"",
                "set lock_timeout = '300s'",
                "set lock_timeout = '500ms'",
                "alter table \"t\" drop \"c\"",
                "set lock_timeout = '300s'"), record(Dialect.POSTGRES, OnlineContexts.NonTransactional.class));
    }

    @Test
    void postgresInsideATransactionKeepsThePlainForms() {
        List<String> sql = record(Dialect.POSTGRES, OnlineContexts.Transactional.class);
        assertEquals(List.of(
                "create index if not exists \"ix_a\" on \"t\"(\"a\")",
                "alter table \"t\" add constraint \"uq_b\" unique (\"b\")",
                "alter table \"t\" add constraint \"fk_p\" foreign key (\"p\") references \"parent\" (\"id\")",
                "alter table \"t\" add constraint \"ck_a\" check ((a > 0))",
                "alter table \"t\" alter \"b\" set not null",
                "alter table \"t\" drop \"c\""), sql.stream().filter(s -> !s.startsWith("set lock_timeout")).toList());
    }

    @Test
    void mariaDbAsksForTheLightestAlgorithm() {
        List<String> sql = record(Dialect.MARIADB, OnlineContexts.NonTransactional.class).stream()
                .filter(s -> !s.startsWith("set session lock_wait_timeout")).toList();
        assertEquals(List.of(
                "alter table `t` add index `ix_a` (`a`), algorithm=inplace, lock=none",
                "alter table `t` add constraint `uq_b` unique (`b`), algorithm=inplace, lock=none",
                "set foreign_key_checks = 0",
                "alter table `t` add constraint `fk_p` foreign key (`p`) references `parent` (`id`), algorithm=inplace, lock=none",
                "set foreign_key_checks = 1",
                // The check through a shadow table swapped in by a rename (the copy is the runtime's).
                "create table `concertina_new_t` like `t`",
                "alter table `concertina_new_t` add constraint `ck_a` check ((a > 0))",
                "rename table `t` to `concertina_old_t`, `concertina_new_t` to `t`",
                "drop table if exists `concertina_old_t`",
                // NOT NULL the same way.
                "create table `concertina_new_t` like `t`",
                "alter table `concertina_new_t` change column `b` `b` int not null, algorithm=inplace, lock=none",
                "rename table `t` to `concertina_old_t`, `concertina_new_t` to `t`",
                "drop table if exists `concertina_old_t`",
                "alter table `t` drop `c`, algorithm=instant"), sql);
    }
}
