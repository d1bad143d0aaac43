package dev.concertina.runtime.expand.h2;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The row of {@link OwnObjects#TRIGGER_CONFIG_TABLE} that tells an H2 trigger class what to do.
 * H2 creates a trigger from a class name alone, so its expressions and message live in this table,
 * written before the trigger is created (its {@code init} reads them) and deleted with it.
 *
 * @param upSql   the up query ({@code SELECT expr} over {@code ?} bind markers, one value for all),
 *                {@value #IDENTITY} to copy unchanged, or empty for no copy
 * @param downSql the same for down
 */
public record H2TriggerConfig(
        String triggerName,
        String tableName,
        String kind,
        String oldColumn,
        String newColumn,
        String upSql,
        String downSql,
        String message) {

    /** The query text meaning "copy the value unchanged". */
    public static final String IDENTITY = "?";

    public static final String SYNC = "sync";
    public static final String GUARD = "guard";

    private static final SqlText SQL = new SqlText(Dialect.H2);

    /** The config table's name as H2 stores it (upper case, like every unquoted H2 name). */
    public static String configTable() {
        return Dialect.H2.foldUnquoted(OwnObjects.TRIGGER_CONFIG_TABLE);
    }

    private static String qualifiedTable(String schema) {
        return SQL.name(schema) + "." + SQL.name(configTable());
    }

    /** Creates the config table in the current schema when missing. */
    public static void ensureTable(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + SQL.name(configTable()) + " ("
                    + SQL.name("TRIGGER_NAME") + " VARCHAR(256) NOT NULL PRIMARY KEY, "
                    + SQL.name("TABLE_NAME") + " VARCHAR(256) NOT NULL, "
                    + SQL.name("KIND") + " VARCHAR(16) NOT NULL, "
                    + SQL.name("OLD_COLUMN") + " VARCHAR(256), "
                    + SQL.name("NEW_COLUMN") + " VARCHAR(256), "
                    + SQL.name("UP_SQL") + " VARCHAR(8000), "
                    + SQL.name("DOWN_SQL") + " VARCHAR(8000), "
                    + SQL.name("MESSAGE") + " VARCHAR(8000))");
        }
    }

    /** Replaces the row of this trigger (the table must exist). */
    public void save(Connection connection) throws SQLException {
        delete(connection, triggerName);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + SQL.name(configTable()) + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, triggerName);
            ps.setString(2, tableName);
            ps.setString(3, kind);
            ps.setString(4, oldColumn);
            ps.setString(5, newColumn);
            ps.setString(6, upSql);
            ps.setString(7, downSql);
            ps.setString(8, message);
            ps.executeUpdate();
        }
    }

    /** Deletes the row of a trigger; nothing when the table or the row is absent. */
    public static void delete(Connection connection, String triggerName) throws SQLException {
        if (!tableExists(connection)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM " + SQL.name(configTable()) + " WHERE " + SQL.name("TRIGGER_NAME") + " = ?")) {
            ps.setString(1, triggerName);
            ps.executeUpdate();
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
            ps.setString(1, configTable());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The row of a trigger, read from the config table of the trigger's schema. */
    static H2TriggerConfig load(Connection connection, String schema, String triggerName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM " + qualifiedTable(schema) + " WHERE " + SQL.name("TRIGGER_NAME") + " = ?")) {
            ps.setString(1, triggerName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(
                            "trigger \"" + schema + "\".\"" + triggerName + "\": no row in " + configTable()
                                    + " (create Concertina triggers with SyncTriggers/WriteGuard, not by hand)");
                }
                return new H2TriggerConfig(
                        rs.getString("TRIGGER_NAME"),
                        rs.getString("TABLE_NAME"),
                        rs.getString("KIND"),
                        rs.getString("OLD_COLUMN"),
                        rs.getString("NEW_COLUMN"),
                        rs.getString("UP_SQL"),
                        rs.getString("DOWN_SQL"),
                        rs.getString("MESSAGE"));
            }
        }
    }

    /** The 0-based position of a column in H2's row arrays. */
    static int columnIndex(Connection connection, String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(
                            "column \"" + table + "\".\"" + column + "\" not found in schema \"" + schema + "\"");
                }
                return rs.getInt(1) - 1;
            }
        }
    }

    /**
     * The declared type of a column in the current schema, as SQL ({@code NUMERIC(10, 2)}), so a
     * {@code ?} standing for it can be cast to it: H2 otherwise guesses a bind marker's type from
     * the expression ({@code ? * 100} would be INTEGER and cut 12.34 to 12). Empty for types that
     * cannot be named from the catalog alone (arrays, rows, enums), or for a column that is not there.
     */
    public static Optional<String> columnType(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                        + " NUMERIC_SCALE, DATETIME_PRECISION FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // A missing column fails right after, in the trigger's init, naming it.
                    return Optional.empty();
                }
                String type = rs.getString(1);
                long length = rs.getLong(2);
                boolean hasLength = !rs.wasNull();
                int precision = rs.getInt(3);
                int scale = rs.getInt(4);
                int datetimePrecision = rs.getInt(5);
                boolean hasDatetimePrecision = !rs.wasNull();
                switch (type) {
                    case "CHARACTER VARYING":
                    case "CHARACTER":
                    case "VARCHAR_IGNORECASE":
                    case "BINARY VARYING":
                    case "BINARY":
                        return Optional.of(hasLength ? type + "(" + length + ")" : type);
                    case "NUMERIC":
                    case "DECIMAL":
                        return Optional.of("NUMERIC(" + precision + ", " + scale + ")");
                    case "DECFLOAT":
                        return Optional.of("DECFLOAT(" + precision + ")");
                    case "TIME":
                    case "TIME WITH TIME ZONE":
                    case "TIMESTAMP":
                    case "TIMESTAMP WITH TIME ZONE":
                        return Optional.of(
                                hasDatetimePrecision
                                        ? type.replaceFirst("^(TIME|TIMESTAMP)", "$1(" + datetimePrecision + ")")
                                        : type);
                    case "ARRAY":
                    case "ROW":
                    case "ENUM":
                    case "GEOMETRY":
                    case "INTERVAL":
                        return Optional.empty();
                    default:
                        return Optional.of(type);
                }
            }
        }
    }
}
