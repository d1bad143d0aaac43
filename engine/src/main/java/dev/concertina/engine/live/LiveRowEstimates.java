package dev.concertina.engine.live;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database's own estimate of each table's row count in the current schema, for the hazards of
 * steps that copy a table ({@code dev.concertina.engine.plan.RowEstimates}): MariaDB/MySQL's
 * {@code information_schema.TABLES.TABLE_ROWS}, PostgreSQL's {@code pg_class.reltuples} (unknown
 * before the first ANALYZE, then left out). H2 keeps none. Cheap: one catalog query.
 */
public final class LiveRowEstimates {

    private LiveRowEstimates() {}

    public static Map<String, Long> read(Connection c, Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case MARIADB, MYSQL ->
                "select table_name, table_rows from information_schema.tables"
                        + " where table_schema = database() and table_type = 'BASE TABLE' and table_rows is not null";
            case POSTGRES ->
                "select c.relname, c.reltuples::bigint from pg_catalog.pg_class c"
                        + " where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and c.reltuples >= 0";
            default -> null;
        };
        Map<String, Long> rows = new TreeMap<>();
        if (sql == null) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
