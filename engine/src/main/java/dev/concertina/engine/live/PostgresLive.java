package dev.concertina.engine.live;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL.
 *
 * <p><b>System names.</b> PostgreSQL names an unnamed constraint or index
 * {@code <table>_<columns joined by _>_<suffix>} (suffix {@code pkey}, {@code key} for unique,
 * {@code fkey}, {@code check}, {@code idx}), cut to 63 bytes and followed by a number when the name
 * is taken. A name that starts with {@code <table>_} and ends with that suffix (and optional
 * digits) is treated as generated and kept empty; for 63-byte names only the suffix is checked,
 * since the table part may have been cut.
 *
 * <p><b>Entering the schema.</b> {@code Connection.setSchema} sets {@code search_path} to that
 * schema; the previous {@code search_path} text is restored afterwards with
 * {@code set_config(?, …)} (a bound parameter).
 */
final class PostgresLive extends LiveDialect {

    private static final Pattern NUMBER = Pattern.compile("\\d*");

    @Override
    Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    String folder() {
        return "postgres";
    }

    @Override
    Restore enter(Connection connection, String schemaName) throws SQLException {
        String previous;
        try (PreparedStatement s = connection.prepareStatement("SELECT current_setting('search_path')");
                ResultSet r = s.executeQuery()) {
            r.next();
            previous = r.getString(1);
        }
        connection.setSchema(schemaName);
        return () -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
                s.setString(1, previous);
                s.executeQuery().close();
            }
        };
    }

    @Override
    String userName(Kind kind, String table, List<String> columns, String name, List<String> tableColumns) {
        String suffix;
        switch (kind) {
            case PRIMARY_KEY:
                suffix = "_pkey";
                break;
            case UNIQUE:
                suffix = "_key";
                break;
            case FOREIGN_KEY:
                suffix = "_fkey";
                break;
            case CHECK:
                suffix = "_check";
                break;
            default:
                suffix = "_idx";
                break;
        }
        return generated(name, table, suffix) ? "" : name;
    }

    /** indoption: bit 1 DESC, bit 2 NULLS FIRST; the default is NULLS LAST ascending, NULLS FIRST descending. */
    @Override
    String keyOrder(java.util.Map<String, String> row) {
        int option = CatalogRows.integer(row, "CC_OPTION", 0);
        boolean desc = (option & 1) != 0;
        boolean nullsFirst = (option & 2) != 0;
        String nulls = nullsFirst == desc ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST";
        return ((desc ? "DESC" : "") + nulls).trim();
    }

    @Override
    String indexMethod(java.util.Map<String, String> row) {
        String m = row.get("CC_METHOD");
        return m == null || m.equals("btree") ? "" : m;
    }

    private static boolean generated(String name, String table, String suffix) {
        int at = name.lastIndexOf(suffix);
        if (at < 0 || !NUMBER.matcher(name.substring(at + suffix.length())).matches()) return false;
        return startsWithTable(name, table) || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 63;
    }
}
