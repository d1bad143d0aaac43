package dev.concertina.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * An empty database of its own for one test, on a real server: an in-memory H2 database, or a
 * freshly created database on the PostgreSQL / MariaDB servers of this machine, dropped on close.
 *
 * <p>Servers are found at {@code 127.0.0.1:5432} (PostgreSQL, user {@code postgres}, trust auth)
 * and {@code 127.0.0.1:3306} (MariaDB, user {@code root}, empty password) unless the environment
 * says otherwise ({@code CONCERTINA_TEST_PG_HOST}, {@code _PG_PORT}, {@code _PG_USER},
 * {@code _MARIADB_HOST}, {@code _MARIADB_PORT}, {@code _MARIADB_USER}). When a server is missing
 * the test is skipped with the reason printed, except under {@code CI=true}, where it fails:
 * in CI every database is mandatory.
 */
public final class FreshDatabase implements AutoCloseable {

    private final DbKind kind;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final String adminUrl;

    private FreshDatabase(DbKind kind, String name, String url, String user, String password, String adminUrl) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
    }

    /** Creates an empty database, or skips (fails under CI=true) when the server is unreachable. */
    public static FreshDatabase create(DbKind kind) {
        String name = "cc_" + Long.toString(System.nanoTime(), 36) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        switch (kind) {
            case H2: {
                // DB_CLOSE_DELAY=-1 keeps the in-memory database alive between connections until close().
                String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                return new FreshDatabase(kind, name, url, "sa", "", null);
            }
            case POSTGRES: {
                String host = env("CONCERTINA_TEST_PG_HOST", "127.0.0.1");
                String port = env("CONCERTINA_TEST_PG_PORT", "5432");
                String user = env("CONCERTINA_TEST_PG_USER", "postgres");
                String base = "jdbc:postgresql://" + host + ":" + port + "/";
                String admin = base + "postgres";
                FreshDatabase db = new FreshDatabase(kind, name, base + name, user, "", admin);
                db.admin("CREATE DATABASE " + name);
                return db;
            }
            case MARIADB: {
                String host = env("CONCERTINA_TEST_MARIADB_HOST", "127.0.0.1");
                String port = env("CONCERTINA_TEST_MARIADB_PORT", "3306");
                String user = env("CONCERTINA_TEST_MARIADB_USER", "root");
                String base = "jdbc:mariadb://" + host + ":" + port + "/";
                FreshDatabase db = new FreshDatabase(kind, name, base + name, user, "", base);
                db.admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                return db;
            }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** True when this run must not skip database tests (the CI environment). */
    public static boolean mandatory() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, credentials());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            String reason = kind.label() + " server at " + adminUrl + " is not usable: " + e.getMessage();
            if (mandatory()) {
                throw new AssertionError(reason + " (CI=true: database tests are mandatory)", e);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    private Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    public DbKind kind() {
        return kind;
    }

    /** The database (catalog) name; on H2 the in-memory database name. */
    public String name() {
        return name;
    }

    /** The schema user objects live in: {@code PUBLIC} on H2, {@code public} on PostgreSQL, the database on MariaDB. */
    public String schema() {
        switch (kind) {
            case H2:
                return "PUBLIC";
            case POSTGRES:
                return "public";
            default:
                return name;
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    /** Runs statements in order on a new connection (test setup only). */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case H2:
                    try (Connection c = connect();
                            Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                    break;
                case POSTGRES:
                    try (Connection c = DriverManager.getConnection(adminUrl, credentials());
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                    break;
                case MARIADB:
                    try (Connection c = DriverManager.getConnection(adminUrl, credentials());
                            Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name);
                    }
                    break;
                default:
                    break;
            }
        } catch (SQLException e) {
            // Leaving a scratch database behind is not a test failure; say so and go on.
            System.err.println("warning: could not drop test database " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.label() + ":" + name.toLowerCase(Locale.ROOT);
    }
}
