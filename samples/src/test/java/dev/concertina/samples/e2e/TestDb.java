package dev.concertina.samples.e2e;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database several processes can share: a fresh PostgreSQL or MariaDB database from the testkit,
 * or, for H2, a file database in a temporary folder opened with AUTO_SERVER, since an in-memory
 * database lives in one process only. The test JVM keeps one H2 connection open, so it is the
 * AUTO_SERVER host and the command processes connect to it over TCP: H2 refuses embedded opens
 * that race for the file ("Lock file recently modified") when several processes start at once,
 * which is H2's file-locking protocol, not Concertina's migration lock under test.
 */
final class TestDb implements AutoCloseable {

    private final DbKind kind;
    private final FreshDatabase server;
    private final Path h2Dir;
    private final String url;
    private final Connection h2Host;

    private TestDb(DbKind kind, FreshDatabase server, Path h2Dir, String url, Connection h2Host) {
        this.kind = kind;
        this.server = server;
        this.h2Dir = h2Dir;
        this.url = url;
        this.h2Host = h2Host;
    }

    static TestDb create(DbKind kind) {
        if (kind == DbKind.H2) {
            try {
                Path dir = Files.createTempDirectory("concertina-e2e-");
                String url = "jdbc:h2:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
                return new TestDb(kind, null, dir, url, DriverManager.getConnection(url, "sa", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new AssertionError("cannot create the H2 file database: " + e.getMessage(), e);
            }
        }
        FreshDatabase db = FreshDatabase.create(kind);
        return new TestDb(kind, db, null, db.url(), null);
    }

    DbKind kind() { return kind; }

    String url() { return url; }

    String user() { return server == null ? "sa" : server.user(); }

    /** The global options naming this database. */
    String[] target() {
        return new String[] {"--url", url, "--user", user()};
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), "");
    }

    void execute(String... sql) {
        unchecked(() -> {
            execute0(sql);
            return null;
        });
    }

    private void execute0(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Tables of the user's schema, lower-cased, Concertina's own included. */
    List<String> tables() {
        return unchecked(this::tables0);
    }

    private List<String> tables0() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            String catalog = kind == DbKind.MARIADB ? c.getCatalog() : null;
            String schema = kind == DbKind.H2 ? "PUBLIC" : kind == DbKind.POSTGRES ? "public" : null;
            List<String> out = new ArrayList<>();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out.stream().sorted().toList();
        }
    }

    /** Columns of a table, lower-cased. */
    List<String> columns(String table) {
        return unchecked(() -> columns0(table));
    }

    private List<String> columns0(String table) throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            String catalog = kind == DbKind.MARIADB ? c.getCatalog() : null;
            String schema = kind == DbKind.H2 ? "PUBLIC" : kind == DbKind.POSTGRES ? "public" : null;
            String name = kind == DbKind.H2 ? table.toUpperCase(java.util.Locale.ROOT) : table;
            List<String> out = new ArrayList<>();
            try (ResultSet rs = md.getColumns(catalog, schema, name, "%")) {
                while (rs.next()) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out.stream().sorted().toList();
        }
    }

    /** Rows of a query as strings joined with '|'. */
    List<String> query(String sql) {
        return unchecked(() -> query0(sql));
    }

    private List<String> query0(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Test helpers fail the test on an SQL error; lambdas in assertion messages cannot throw. */
    private static <T> T unchecked(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            return;
        }
        try (Statement s = h2Host.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            System.err.println("warning: could not shut down " + url + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(h2Dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("warning: could not delete " + h2Dir + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.label();
    }
}
