package dev.concertina.runtime.expand;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the expand tests. */
final class Db {

    private Db() {}

    static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }

    /** A name in the database's own case (upper on H2). */
    static String n(DbKind kind, String name) {
        return dialect(kind).foldUnquoted(name);
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static Object one(Connection c, String sql) throws SQLException {
        return rows(c, sql).get(0).get(0);
    }

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Names of Concertina's triggers (and PostgreSQL functions) left in the test database. */
    static List<String> ownTriggersAndFunctions(FreshDatabase db, Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        String triggers;
        switch (db.kind()) {
            case POSTGRES:
                triggers = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal UNION ALL "
                        + "SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'";
                break;
            case MARIADB:
                triggers = "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + db.schema() + "'";
                break;
            default:
                triggers = "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = 'PUBLIC'";
        }
        for (List<Object> r : rows(c, triggers)) {
            names.add((String) r.get(0));
        }
        return names;
    }
}
