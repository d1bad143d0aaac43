package dev.concertina.runtime.expand.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 write guard ({@code BEFORE INSERT, UPDATE, DELETE … FOR EACH STATEMENT}): refuses every
 * write to its table with the message {@code WriteGuard} stored for it (SQLSTATE 45000, as on
 * MariaDB). Reads are untouched.
 */
public final class H2GuardTrigger implements Trigger {

    private String message;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        message = H2TriggerConfig.load(conn, schemaName, triggerName).message();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(message, "45000");
    }
}
