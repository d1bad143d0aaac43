package dev.concertina.bench;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Times {@link LiveSchemaReader#read} on a generated PostgreSQL schema against a floor: a few
 * hand-written pg_catalog queries fetching the same facts (tables, columns with types, defaults,
 * nullability, identity and comments, constraints with their columns, indexes, sequences,
 * triggers), in the same JVM, on the same connection. Warm-up runs first; then the two are
 * measured alternately, and median / min / max are printed as a Markdown table.
 *
 * <p>Arguments: server URL ({@code jdbc:postgresql://host:port/}), user, tables, runs. The
 * benchmark creates its own database and drops it at the end.
 */
public final class LiveReadBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        int tables = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        String db = "concertina_bench_" + Long.toString(System.nanoTime(), 36);
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", System.getenv().getOrDefault("PGPASSWORD", ""));

        try (Connection admin = DriverManager.getConnection(base + "postgres", p); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db); // generated name, letters and digits only
        }
        try {
            try (Connection c = DriverManager.getConnection(base + db, p)) {
                long t0 = System.nanoTime();
                generate(c, tables);
                System.out.printf(Locale.ROOT, "generated %d tables in %.1f s%n", tables, (System.nanoTime() - t0) / 1e9);

                // Warm-up: class loading, JIT, PostgreSQL catalog caches.
                for (int i = 0; i < 3; i++) {
                    read(c);
                    floor(c);
                }
                long[] live = new long[runs];
                long[] base2 = new long[runs];
                Schema last = null;
                int floorRows = 0;
                for (int i = 0; i < runs; i++) {
                    long a = System.nanoTime();
                    last = read(c);
                    live[i] = System.nanoTime() - a;
                    long b = System.nanoTime();
                    floorRows = floor(c);
                    base2[i] = System.nanoTime() - b;
                }
                int columns = last.tables().stream().mapToInt(t -> t.columns().size()).sum();
                int constraints = last.tables().stream().mapToInt(LiveReadBench::constraints).sum();
                System.out.printf(Locale.ROOT, "schema read: %d tables, %d columns, %d constraints and indexes, %d sequences; floor rows: %d%n",
                        last.tables().size(), columns, constraints, last.sequences().size(), floorRows);
                System.out.println();
                System.out.println("| what | median ms | min ms | max ms |");
                System.out.println("|---|---:|---:|---:|");
                row("LiveSchemaReader.read (SchemaCrawler + normalisation)", live);
                row("hand-written catalog queries (floor)", base2);
                System.out.printf(Locale.ROOT, "%nratio (median live / median floor): %.2f%n", (double) median(live) / median(base2));
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(base + "postgres", p); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    private static Schema read(Connection c) {
        return LiveSchemaReader.read(c, Dialect.POSTGRES, "public");
    }

    private static int constraints(Table t) {
        return (t.primaryKey().isPresent() ? 1 : 0) + t.uniques().size() + t.indexes().size() + t.foreignKeys().size() + t.checks().size();
    }

    private static void row(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", what, median(nanos) / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
    }

    private static long median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * The schema: {@code t0000 … tNNNN}, each with an identity key, ten columns of assorted types
     * with defaults and a comment, a unique constraint, a two-column index, a check, and a foreign
     * key to the previous table; one sequence per 100 tables.
     */
    private static void generate(Connection c, int tables) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < tables; i++) {
                String t = String.format(Locale.ROOT, "t%04d", i);
                String prev = String.format(Locale.ROOT, "t%04d", i - 1);
                StringBuilder ddl = new StringBuilder();
                ddl.append("CREATE TABLE ").append(t).append(" (")
                        .append("id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, ")
                        .append("name varchar(100) NOT NULL DEFAULT 'x', ")
                        .append("code char(8), ")
                        .append("amount numeric(12,2) DEFAULT 0, ")
                        .append("ratio double precision, ")
                        .append("active boolean NOT NULL DEFAULT true, ")
                        .append("created timestamp(6) DEFAULT CURRENT_TIMESTAMP, ")
                        .append("body text, ")
                        .append("uid uuid, ")
                        .append("status varchar(10) CHECK (status IN ('A', 'B', 'C')), ")
                        .append("parent_id bigint")
                        .append(i > 0 ? " REFERENCES " + prev + " (id) ON DELETE CASCADE" : "")
                        .append(", CONSTRAINT ").append(t).append("_uk UNIQUE (code))");
                s.addBatch(ddl.toString());
                s.addBatch("CREATE INDEX " + t + "_name_created ON " + t + " (name, created)");
                s.addBatch("COMMENT ON TABLE " + t + " IS 'generated table " + i + "'");
                s.addBatch("COMMENT ON COLUMN " + t + ".name IS 'a name'");
                if (i % 100 == 0) s.addBatch("CREATE SEQUENCE " + t + "_seq START WITH 1 INCREMENT BY 50");
                if (i % 100 == 99) {
                    // One transaction per 100 tables: all in one exhausts max_locks_per_transaction.
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /** The floor: the same facts in six catalog queries, every row read into plain values. */
    private static int floor(Connection c) throws SQLException {
        int rows = 0;
        List<Object[]> sink = new ArrayList<>();
        rows += query(c, sink, "SELECT c.relname, d.description FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0 "
                + "WHERE n.nspname = ? AND c.relkind IN ('r','p')", 2);
        rows += query(c, sink, "SELECT c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, d.description FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
                + "LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum "
                + "WHERE n.nspname = ? AND c.relkind IN ('r','p') AND a.attnum > 0 AND NOT a.attisdropped", 8);
        rows += query(c, sink, "SELECT c.relname, con.conname, con.contype, con.conkey, con.confkey, fc.relname, con.confdeltype, "
                + "con.confupdtype, CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END FROM pg_constraint con "
                + "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_class fc ON fc.oid = con.confrelid WHERE n.nspname = ?", 9);
        rows += query(c, sink, "SELECT c.relname, ic.relname, i.indisunique, i.indkey::int2[] FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?", 4);
        rows += query(c, sink, "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?", 3);
        rows += query(c, sink, "SELECT event_object_table, trigger_name, action_timing, event_manipulation "
                + "FROM information_schema.triggers WHERE event_object_schema = ?", 4);
        return rows;
    }

    private static int query(Connection c, List<Object[]> sink, String sql, int width) throws SQLException {
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "public");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) row[i] = r.getObject(i + 1);
                    sink.add(row);
                    n++;
                }
            }
        }
        return n;
    }
}
