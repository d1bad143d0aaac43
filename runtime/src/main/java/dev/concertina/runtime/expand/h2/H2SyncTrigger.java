package dev.concertina.runtime.expand.h2;

import dev.concertina.runtime.expand.dialect.ExpandDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The H2 sync trigger ({@code BEFORE INSERT, UPDATE … FOR EACH ROW}) with the semantics of
 * docs/expand.md: on insert, a null new column is filled from the old one, else the old one from the new; on update,
 * a changed new column is copied to the old one, else a changed old column to the new one.
 * Conversions are evaluated as {@code SELECT expr} on the writing session's own connection.
 * Created by {@code SyncTriggers}; its configuration is a row of {@code concertina_trigger_config}.
 */
public final class H2SyncTrigger implements Trigger {

    private int oldIndex;
    private int newIndex;
    private String upSql;
    private String downSql;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        H2TriggerConfig config = H2TriggerConfig.load(conn, schemaName, triggerName);
        oldIndex = H2TriggerConfig.columnIndex(conn, schemaName, tableName, config.oldColumn());
        newIndex = H2TriggerConfig.columnIndex(conn, schemaName, tableName, config.newColumn());
        upSql = config.upSql();
        downSql = config.downSql();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            if (newRow[newIndex] == null && newRow[oldIndex] != null) {
                newRow[newIndex] = convert(conn, upSql, newRow[oldIndex]);
            } else if (newRow[newIndex] != null && copies(downSql)) {
                // Written by the new release (the new column has no default meanwhile): it wins
                // over the old column's default.
                newRow[oldIndex] = convert(conn, downSql, newRow[newIndex]);
            }
            return;
        }
        boolean newChanged = !Objects.deepEquals(oldRow[newIndex], newRow[newIndex]);
        boolean oldChanged = !Objects.deepEquals(oldRow[oldIndex], newRow[oldIndex]);
        if (!newChanged && !oldChanged || backfilling(conn)) {
            return;
        }
        if (newChanged) {
            if (copies(downSql)) {
                newRow[oldIndex] = convert(conn, downSql, newRow[newIndex]);
            }
        } else {
            newRow[newIndex] = convert(conn, upSql, newRow[oldIndex]);
        }
    }

    private static boolean copies(String sql) {
        return sql != null && !sql.isEmpty();
    }

    /** A backfill batch writes the new column itself; copying back would rewrite the old one. */
    private static boolean backfilling(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT @" + ExpandDialect.BACKFILL_FLAG)) {
            return rs.next() && rs.getObject(1) != null;
        }
    }

    private static Object convert(Connection conn, String sql, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (H2TriggerConfig.IDENTITY.equals(sql)) {
            return value;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int markers = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= markers; i++) {
                ps.setObject(i, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }
}
