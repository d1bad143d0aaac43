package dev.concertina.api;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A database of its own on the application's PostgreSQL or MariaDB/MySQL server, for the drift
 * check to run the migrations on the same kind of database the application uses (types and names
 * differ between kinds); dropped again on {@link #close()}. The schemas a PostgreSQL URL names
 * ({@code currentSchema}) are created in it, so migrations that expect them find them.
 */
public final class ScratchDatabase implements AutoCloseable {

    /** {@code jdbc:postgresql://host:port/} + database + parameters. */
    private static final Pattern URL =
            Pattern.compile("^(jdbc:(?:postgresql|mariadb|mysql)://[^/?;]*)(?:/([^?;]*))?(.*)$");

    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");

    private final String serverUrl;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final String name;
    private final String url;

    private ScratchDatabase(String serverUrl, String user, String password, Dialect dialect, String name, String url) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.dialect = dialect;
        this.name = name;
        this.url = url;
    }

    /** Whether {@code appUrl} is a server this can make a scratch database on. */
    public static boolean supports(String appUrl) {
        return URL.matcher(appUrl).matches();
    }

    /**
     * Creates {@code concertina_check_<random>} on the server of {@code appUrl}, as {@code user}.
     *
     * @throws ConcertinaException CONFIGURATION, saying why, when the server refuses (no right to
     *         create databases, for one)
     */
    public static ScratchDatabase create(String appUrl, String user, String password) {
        Matcher m = URL.matcher(appUrl);
        if (!m.matches()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "no scratch database on this kind of server");
        }
        Dialect dialect = Dialect.fromUrl(appUrl);
        String name = "concertina_check_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String params = m.group(3);
        String url = m.group(1) + "/" + name + params;
        List<String> schemas = new ArrayList<>();
        Matcher s = CURRENT_SCHEMA.matcher(params);
        if (dialect == Dialect.POSTGRES && s.find()) {
            for (String schema : java.net.URLDecoder.decode(s.group(1), java.nio.charset.StandardCharsets.UTF_8)
                    .split(",")) {
                if (!schema.isBlank() && !schema.strip().equals("public")) {
                    schemas.add(schema.strip());
                }
            }
        }
        try (Connection c = DriverManager.getConnection(appUrl, user, password)) {
            dsl(c, dialect).createDatabase(DSL.quotedName(name)).execute();
        } catch (SQLException | RuntimeException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "cannot create a scratch database on " + JdbcUrls.masked(m.group(1)) + ": " + oneLine(e));
        }
        ScratchDatabase scratch = new ScratchDatabase(appUrl, user, password, dialect, name, url);
        if (!schemas.isEmpty()) {
            try (Connection c = DriverManager.getConnection(m.group(1) + "/" + name, user, password)) {
                for (String schema : schemas) {
                    dsl(c, dialect)
                            .createSchemaIfNotExists(DSL.quotedName(schema))
                            .execute();
                }
            } catch (SQLException | RuntimeException e) {
                scratch.close();
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "cannot create schema " + schemas + " in scratch database " + name + ": " + oneLine(e));
            }
        }
        return scratch;
    }

    /** The scratch database's URL, with the application URL's parameters. */
    public String url() {
        return url;
    }

    /** Drops the scratch database; a failure to do so is reported, never thrown over the check's result. */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            DSLContext dsl = dsl(c, dialect);
            if (dialect == Dialect.POSTGRES) {
                // Sessions the migrations left open (none expected) must not keep it alive.
                dsl.execute("drop database if exists {0} with (force)", DSL.quotedName(name));
            } else {
                dsl.dropDatabaseIfExists(DSL.quotedName(name)).execute();
            }
        } catch (SQLException | RuntimeException e) {
            System.err.println("warning: could not drop scratch database " + name + ": " + oneLine(e));
        }
    }

    private static DSLContext dsl(Connection c, Dialect dialect) {
        return DSL.using(c, dialect.jooq());
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
