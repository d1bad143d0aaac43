package dev.concertina.engine.plan;

import static dev.concertina.engine.diff.Fixtures.BIGINT;
import static dev.concertina.engine.diff.Fixtures.INT;
import static dev.concertina.engine.diff.Fixtures.SMALLINT;
import static dev.concertina.engine.diff.Fixtures.TEXT;
import static dev.concertina.engine.diff.Fixtures.chars;
import static dev.concertina.engine.diff.Fixtures.decimal;
import static dev.concertina.engine.diff.Fixtures.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TypeChange#rewritesOn} against a real PostgreSQL: a change the planner keeps in place there
 * (catalog only, no column swap) leaves the table's relfilenode as it was, and one it swaps would have
 * rewritten the table in place.
 */
class PostgresRewriteTest {

    private record Case(ColumnType from, String fromSql, ColumnType to, String toSql, String value) {}

    private static ColumnType ts(TypeKind kind, int digits) {
        return ColumnType.temporal(kind, digits, kind + "(" + digits + ")");
    }

    @Test
    void thePlannersCatalogOnlyChangesLeaveTheTableFile() throws Exception {
        List<Case> cases = List.of(
                new Case(varchar(50), "varchar(50)", varchar(200), "varchar(200)", "'ann'"),
                new Case(varchar(50), "varchar(50)", TEXT, "text", "'ann'"),
                new Case(decimal(10, 2), "numeric(10,2)", decimal(12, 2), "numeric(12,2)", "1.5"),
                new Case(ts(TypeKind.TIMESTAMP, 3), "timestamp(3)", ts(TypeKind.TIMESTAMP, 6), "timestamp(6)", "now()"),
                new Case(ts(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 3), "timestamptz(3)",
                        ts(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6), "timestamptz(6)", "now()"),
                new Case(ts(TypeKind.TIME, 3), "time(3)", ts(TypeKind.TIME, 6), "time(6)", "now()"),
                new Case(ts(TypeKind.TIME_WITH_TIME_ZONE, 3), "timetz(3)", ts(TypeKind.TIME_WITH_TIME_ZONE, 6),
                        "timetz(6)", "now()"),
                new Case(varchar(200), "varchar(200)", varchar(50), "varchar(50)", "'ann'"),
                new Case(INT, "integer", BIGINT, "bigint", "1"),
                new Case(SMALLINT, "smallint", INT, "integer", "1"),
                new Case(decimal(10, 2), "numeric(10,2)", decimal(12, 4), "numeric(12,4)", "1.5"),
                new Case(decimal(12, 2), "numeric(12,2)", decimal(10, 2), "numeric(10,2)", "1.5"),
                new Case(chars(5), "char(5)", chars(10), "char(10)", "'ab'"),
                new Case(ts(TypeKind.TIMESTAMP, 6), "timestamp(6)", ts(TypeKind.TIMESTAMP, 3), "timestamp(3)", "now()"));
        List<String> wrong = new ArrayList<>();
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES); Connection c = db.connect(); Statement s = c.createStatement()) {
            int i = 0;
            for (Case k : cases) {
                String t = "t" + i++;
                s.execute("create table " + t + " (id int primary key, v " + k.fromSql() + ")");
                s.execute("insert into " + t + " values (1, " + k.value() + ")");
                long before = relfilenode(s, t);
                s.execute("alter table " + t + " alter column v type " + k.toSql());
                boolean rewritten = relfilenode(s, t) != before;
                boolean planned = TypeChange.rewritesOn(k.from(), k.to()).contains(Dialect.POSTGRES);
                if (rewritten != planned) {
                    wrong.add(k.fromSql() + " -> " + k.toSql() + ": PostgreSQL " + (rewritten ? "rewrote" : "kept")
                            + " the table, the planner says " + (planned ? "rewrite" : "catalog only"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static long relfilenode(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("select relfilenode from pg_class where oid = '" + table + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
