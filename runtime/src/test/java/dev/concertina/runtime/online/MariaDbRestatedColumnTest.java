package dev.concertina.runtime.online;

import static dev.concertina.runtime.online.OnlineContexts.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.SchemaNames;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * MariaDB changes a column's nullability or type by restating the whole column: what the
 * migration's portable type cannot say (unsigned, a collation, ON UPDATE, a comment, INVISIBLE, a
 * default) must come through as the database had it, or the change silently weakens the column.
 * Each result is compared with the same change written by hand.
 */
class MariaDbRestatedColumnTest {

    private static final String TABLE = "create table t (id int primary key,"
            + " n int unsigned null comment 'count, it''s {0}',"
            + " s varchar(20) collate utf8mb4_bin null comment 'code',"
            + " ts timestamp null default current_timestamp on update current_timestamp comment 'touched',"
            + " h int null default 0 invisible,"
            + " j varchar(10) null default '{}',"
            + " w varchar(10) collate utf8mb4_bin null)";

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    private static String showCreate(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show create table t")) {
            rs.next();
            return rs.getString(2);
        }
    }

    @Test
    void nullabilityAndTypeChangesKeepWhatTheTypeCannotSay() throws Exception {
        try (FreshDatabase concertina = FreshDatabase.create(DbKind.MARIADB);
                FreshDatabase byHand = FreshDatabase.create(DbKind.MARIADB);
                Connection c = concertina.connect();
                Connection h = byHand.connect()) {
            exec(c, TABLE, "insert into t (id, n, s, ts, h, j, w) values (1, 4000000000, 'a', now(), 1, 'x', 'w')");
            exec(h, TABLE);
            MigrationContext ctx = OnlineContexts.of(c, Dialect.MARIADB, LockRetry.DEFAULTS, m -> { });
            SchemaNames names = SchemaNames.of(ctx);
            names.changeNullability(n("t"), n("n"), SQLDataType.INTEGER.notNull());
            names.changeNullability(n("t"), n("ts"), SQLDataType.TIMESTAMP.notNull());
            names.changeNullability(n("t"), n("h"), SQLDataType.INTEGER.notNull());
            names.changeNullability(n("t"), n("j"), SQLDataType.VARCHAR(10).notNull());
            names.changeType(n("t"), n("s"), SQLDataType.VARCHAR(40).notNull());
            // the online form (a shadow table on MariaDB) restates the column the same way
            OnlineDdl.setNotNull(ctx, n("t"), n("w"), SQLDataType.VARCHAR(10).notNull());
            exec(h,
                    "alter table t modify n int unsigned not null comment 'count, it''s {0}'",
                    "alter table t modify ts timestamp not null default current_timestamp on update current_timestamp comment 'touched'",
                    "alter table t modify h int not null default 0 invisible",
                    "alter table t modify j varchar(10) not null default '{}'",
                    "alter table t modify s varchar(40) collate utf8mb4_bin not null comment 'code'",
                    "alter table t modify w varchar(10) collate utf8mb4_bin not null");
            assertEquals(showCreate(h), showCreate(c));
            // the unsigned value above the signed range is still there
            assertEquals(java.util.List.of("4000000000"), OnlineContexts.column(c, "select n from t"));
        }
    }
}
