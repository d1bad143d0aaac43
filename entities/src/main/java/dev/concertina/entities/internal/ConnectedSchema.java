package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;

/**
 * {@code hibernate.default_schema} (or, on MariaDB/MySQL where a database is a schema,
 * {@code hibernate.default_catalog}) against the schema the connection reads: Concertina reads one
 * schema, the connection's, so a different one would be compared silently (docs/entities.md,
 * "Hibernate settings": connect to that schema).
 */
public final class ConnectedSchema {

    private ConnectedSchema() {}

    /** Fails in one line when the entities' default schema is not {@code connected}. */
    public static void require(BootedModel model, String connected) {
        // Hibernate applies these when it renders SQL, not to its boot metamodel: read the merged settings.
        Dialect dialect = model.target().dialect();
        check(dialect, model.settings().get("hibernate.default_schema"), "hibernate.default_schema", connected);
        if (dialect == Dialect.MARIADB || dialect == Dialect.MYSQL) {
            check(dialect, model.settings().get("hibernate.default_catalog"), "hibernate.default_catalog", connected);
        }
    }

    private static void check(Dialect dialect, Object value, String setting, String connected) {
        String named = value == null ? "" : value.toString().strip();
        if (named.isEmpty()) {
            return;
        }
        boolean quoted = named.length() > 1
                && (named.startsWith("\"") && named.endsWith("\"") || named.startsWith("`") && named.endsWith("`"));
        String schema = quoted ? named.substring(1, named.length() - 1) : dialect.foldUnquoted(named);
        boolean same = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL
                ? schema.equalsIgnoreCase(connected)
                : schema.equals(connected);
        if (!same) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    setting + " is \"" + schema + "\" but the connection reads schema \"" + connected
                            + "\"; Concertina compares the connection's schema: connect to \"" + schema + "\" ("
                            + hint(dialect, schema) + ")");
        }
    }

    private static String hint(Dialect dialect, String schema) {
        return switch (dialect) {
            case POSTGRES -> "add ?currentSchema=" + schema + " to the URL";
            case H2 -> "add ;SCHEMA=" + schema + " to the URL";
            default -> "name database " + schema + " in the URL";
        };
    }
}
