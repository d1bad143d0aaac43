package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.runtime.expand.TriggerNames;
import dev.concertina.runtime.expand.h2.H2GuardTrigger;
import dev.concertina.runtime.expand.h2.H2SyncTrigger;
import dev.concertina.runtime.expand.h2.H2TriggerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * H2: Java trigger classes ({@link H2SyncTrigger}, {@link H2GuardTrigger}) configured by a row of
 * {@code concertina_trigger_config}, written before the trigger is created and deleted with it.
 */
public final class H2Expand implements ExpandDialect {

    /** LOCK_TIMEOUT_1, DEADLOCK_1, CONCURRENT_UPDATE_1 (org.h2.api.ErrorCode). */
    private static final Set<Integer> RETRYABLE = Set.of(50200, 40001, 90131);

    private final SqlText sql = new SqlText(Dialect.H2);

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public void installSync(Connection connection, SyncSpec spec) throws SQLException {
        String name = TriggerNames.sync(Dialect.H2, spec.table(), spec.oldColumn(), spec.newColumn());
        H2TriggerConfig.ensureTable(connection);
        // H2 checks NOT NULL before BEFORE triggers run (Table.convertInsertRow precedes
        // fireBeforeRow), so a column the trigger fills must accept null on the way in. The old
        // column goes in contract anyway; the new one is tightened there.
        if (spec.down().copies()) {
            allowNull(connection, spec.table(), spec.oldColumn());
        }
        allowNull(connection, spec.table(), spec.newColumn());
        new H2TriggerConfig(
                        name,
                        spec.table(),
                        H2TriggerConfig.SYNC,
                        spec.oldColumn(),
                        spec.newColumn(),
                        query(connection, spec.table(), spec.oldColumn(), spec.up()),
                        query(connection, spec.table(), spec.newColumn(), spec.down()),
                        null)
                .save(connection);
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(name),
                "CREATE TRIGGER " + sql.name(name) + " BEFORE INSERT, UPDATE ON " + sql.name(spec.table())
                        + " FOR EACH ROW CALL " + sql.literal(H2SyncTrigger.class.getName()));
    }

    private void allowNull(Connection connection, String table, String column) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (var rs = ps.executeQuery()) {
                if (!rs.next() || !"NO".equals(rs.getString(1))) {
                    return;
                }
            }
        }
        Statements.execute(
                connection, "ALTER TABLE " + sql.name(table) + " ALTER COLUMN " + sql.name(column) + " SET NULL");
    }

    /** The query a trigger runs for one direction, over a {@code ?} cast to the source column's type. */
    private static String query(Connection connection, String table, String sourceColumn, Conversion conversion)
            throws SQLException {
        if (!conversion.copies()) {
            return "";
        }
        if (conversion instanceof Conversion.Identity) {
            return H2TriggerConfig.IDENTITY;
        }
        String source = H2TriggerConfig.columnType(connection, table, sourceColumn)
                .map(t -> "CAST(? AS " + t + ")")
                .orElse("?");
        return "SELECT " + conversion.render(Dialect.H2, source);
    }

    @Override
    public void dropSync(Connection connection, String table, String oldColumn, String newColumn) throws SQLException {
        drop(connection, TriggerNames.sync(Dialect.H2, table, oldColumn, newColumn));
    }

    @Override
    public void installGuard(Connection connection, String table, String message) throws SQLException {
        String name = TriggerNames.guard(Dialect.H2, table);
        H2TriggerConfig.ensureTable(connection);
        new H2TriggerConfig(name, table, H2TriggerConfig.GUARD, null, null, null, null, message).save(connection);
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(name),
                "CREATE TRIGGER " + sql.name(name) + " BEFORE INSERT, UPDATE, DELETE ON " + sql.name(table)
                        + " FOR EACH STATEMENT CALL " + sql.literal(H2GuardTrigger.class.getName()));
    }

    @Override
    public void dropGuard(Connection connection, String table) throws SQLException {
        drop(connection, TriggerNames.guard(Dialect.H2, table));
    }

    private void drop(Connection connection, String name) throws SQLException {
        Statements.execute(connection, "DROP TRIGGER IF EXISTS " + sql.name(name));
        H2TriggerConfig.delete(connection, name);
    }

    @Override
    public BackfillSession startBackfill(Connection connection, Duration lockTimeout) throws SQLException {
        long previous = 10_000;
        try (Statement s = connection.createStatement();
                var rs = s.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
            if (rs.next()) {
                previous = Long.parseLong(rs.getString(1));
            }
        }
        long restore = previous;
        Statements.execute(
                connection,
                "SET LOCK_TIMEOUT " + Math.max(1, lockTimeout.toMillis()),
                "SET @" + BACKFILL_FLAG + " = 1");
        return new BackfillSession() {
            @Override
            public void beginBatch() {}

            @Override
            public void close() throws SQLException {
                Statements.execute(connection, "SET LOCK_TIMEOUT " + restore, "SET @" + BACKFILL_FLAG + " = NULL");
            }
        };
    }

    @Override
    public boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && RETRYABLE.contains(((SQLException) t).getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
