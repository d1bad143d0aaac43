package dev.concertina.api;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open connection to the database a schema command reads: its dialect, the schema user objects
 * live in (the session's current one), and the target the models are read for (dialect plus the
 * server's own version, so Hibernate's DDL choices match that server).
 */
public final class LiveDatabase implements AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("^(\\d+(?:\\.\\d+){0,2})");

    private final Connection connection;
    private final Dialect dialect;
    private final String schema;
    private final TargetDatabase target;

    private LiveDatabase(Connection connection, Dialect dialect, String schema, TargetDatabase target) {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = schema;
        this.target = target;
    }

    /**
     * Connects.
     *
     * @throws ConcertinaException (CONNECTION) naming the URL when the database cannot be reached
     */
    public static LiveDatabase open(String url, String user, String password) {
        Dialect dialect = Dialect.fromUrl(url);
        String as = Connections.user(url, user);
        Properties p = new Properties();
        p.setProperty("user", as);
        p.setProperty("password", password);
        Connection c;
        try {
            c = DriverManager.getConnection(JdbcUrls.forDriver(url), p);
        } catch (SQLException e) {
            throw Connections.failed(url, user, password, e);
        }
        try {
            return of(c, dialect);
        } catch (RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The first failure is the one to report.
            }
            throw e;
        }
    }

    /** Wraps an open connection (closed by {@link #close()}). */
    public static LiveDatabase of(Connection c, Dialect dialect) {
        try {
            // MariaDB/MySQL call a database what the others call a schema.
            String schema = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? c.getCatalog() : c.getSchema();
            if (schema == null || schema.isEmpty()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "the connection has no current "
                                + (dialect == Dialect.MARIADB || dialect == Dialect.MYSQL
                                        ? "database: name one in the URL (jdbc:mariadb://host/shop)"
                                        : "schema"));
            }
            DatabaseMetaData md = c.getMetaData();
            Matcher m = VERSION.matcher(md.getDatabaseProductVersion().strip());
            String version = m.find() ? m.group(1) : md.getDatabaseMajorVersion() + "." + md.getDatabaseMinorVersion();
            return new LiveDatabase(c, dialect, schema, TargetDatabase.of(dialect, version));
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "read the connection's schema and version: " + oneLine(e), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** {@code PUBLIC} on H2, {@code public} on PostgreSQL, the database's name on MariaDB/MySQL (usually). */
    public String schema() {
        return schema;
    }

    /** The dialect and the server's version, for reading the models. */
    public TargetDatabase target() {
        return target;
    }

    /** The schema as the engine sees it; Concertina's own tables and triggers are left out. */
    public Schema read() {
        return LiveSchemaReader.read(connection, dialect, schema);
    }

    /**
     * The tables of {@code live} that predate Concertina: all of them while the database is not
     * under version control, else those {@code version_control} recorded.
     */
    public dev.concertina.engine.diff.PreexistingTables preexisting(Schema live) {
        return dev.concertina.runtime.AdoptedTables.read(connection, dialect)
                .map(dev.concertina.engine.diff.PreexistingTables::adopted)
                .orElseGet(
                        () -> dev.concertina.engine.diff.PreexistingTables.notUnderVersionControl(live.tables().stream()
                                .map(dev.concertina.engine.model.Table::name)
                                .collect(java.util.stream.Collectors.toSet())));
    }

    /** The database's row estimate per table, for the hazards of steps that copy one; empty when it cannot say. */
    public java.util.Map<String, Long> rowEstimates() {
        try {
            return dev.concertina.engine.live.LiveRowEstimates.read(connection, dialect);
        } catch (SQLException e) {
            return java.util.Map.of();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Read-only use: nothing is lost if closing fails.
        }
    }

    /** The URL without a password a user may have put in it. */
    static String safeUrl(String url) {
        return JdbcUrls.masked(url);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
