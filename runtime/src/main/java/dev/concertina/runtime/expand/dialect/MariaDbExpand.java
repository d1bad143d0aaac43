package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.expand.TriggerNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * MariaDB and MySQL: a trigger per event ({@code BEFORE INSERT}, {@code BEFORE UPDATE}; the guard
 * also {@code BEFORE DELETE}), each assigning {@code NEW.x}. Several triggers per table and event
 * are allowed since MariaDB 10.2.3 and MySQL 5.7.2, so pairs on one table do not collide.
 */
public final class MariaDbExpand implements ExpandDialect {

    /** MariaDB and MySQL cut MESSAGE_TEXT of SIGNAL at 128 characters. */
    static final int MAX_MESSAGE = 128;

    /** ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private static final int DEADLOCK = 1213;

    private final boolean mysql;
    private final Dialect dialect;
    private final SqlText sql;

    MariaDbExpand(boolean mysql) {
        this.mysql = mysql;
        this.dialect = mysql ? Dialect.MYSQL : Dialect.MARIADB;
        this.sql = new SqlText(dialect);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void installSync(Connection connection, SyncSpec spec) throws SQLException {
        String table = sql.name(spec.table());
        String oldCol = sql.name(spec.oldColumn());
        String newCol = sql.name(spec.newColumn());
        String up = spec.up().render(dialect, "NEW." + oldCol);
        String ins = TriggerNames.sync(dialect, spec.table(), spec.oldColumn(), spec.newColumn(), "ins");
        String upd = TriggerNames.sync(dialect, spec.table(), spec.oldColumn(), spec.newColumn(), "upd");

        StringBuilder insert = new StringBuilder("BEGIN\n");
        insert.append("  IF NEW.")
                .append(newCol)
                .append(" IS NULL AND NEW.")
                .append(oldCol)
                .append(" IS NOT NULL THEN\n");
        insert.append("    SET NEW.").append(newCol).append(" = ").append(up).append(";\n");
        if (spec.down().copies()) {
            String down = spec.down().render(dialect, "NEW." + newCol);
            // The new column has no default while both releases run, so a value in it on insert
            // was written by the new release: it wins over the old column's default.
            insert.append("  ELSEIF NEW.").append(newCol).append(" IS NOT NULL THEN\n");
            insert.append("    SET NEW.")
                    .append(oldCol)
                    .append(" = ")
                    .append(down)
                    .append(";\n");
        }
        insert.append("  END IF;\nEND");

        // A backfill batch sets @concertina_backfill and writes the new column itself: copying
        // back would rewrite the old column with down(up(old)).
        StringBuilder update = new StringBuilder("BEGIN\n");
        update.append("  IF @").append(BACKFILL_FLAG).append(" IS NULL THEN\n");
        if (spec.down().copies()) {
            String down = spec.down().render(dialect, "NEW." + newCol);
            update.append("    IF ").append(changed(newCol)).append(" THEN\n");
            update.append("      SET NEW.")
                    .append(oldCol)
                    .append(" = ")
                    .append(down)
                    .append(";\n");
            update.append("    ELSEIF ").append(changed(oldCol)).append(" THEN\n");
        } else {
            update.append("    IF NOT ")
                    .append(changed(newCol))
                    .append(" AND ")
                    .append(changed(oldCol))
                    .append(" THEN\n");
        }
        update.append("      SET NEW.").append(newCol).append(" = ").append(up).append(";\n");
        update.append("    END IF;\n  END IF;\nEND");

        Statements.execute(
                connection,
                create(connection, ins, spec.table()) + " BEFORE INSERT ON " + table + " FOR EACH ROW\n" + insert,
                create(connection, upd, spec.table()) + " BEFORE UPDATE ON " + table + " FOR EACH ROW\n" + update);
    }

    /**
     * True when the row's value changed. Compared as bytes: {@code <=>} under a case-insensitive
     * or PAD SPACE collation calls 'abc' and 'ABC ' equal, and such an update must still sync.
     */
    private static String changed(String column) {
        return "NOT (CAST(NEW." + column + " AS BINARY) <=> CAST(OLD." + column + " AS BINARY))";
    }

    @Override
    public void dropSync(Connection connection, String table, String oldColumn, String newColumn) throws SQLException {
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(TriggerNames.sync(dialect, table, oldColumn, newColumn, "ins")),
                "DROP TRIGGER IF EXISTS " + sql.name(TriggerNames.sync(dialect, table, oldColumn, newColumn, "upd")));
    }

    @Override
    public void installGuard(Connection connection, String table, String message) throws SQLException {
        if (message.length() > MAX_MESSAGE) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "write guard on \"" + table + "\": message is " + message.length() + " characters, "
                            + dialect.label() + " keeps at most " + MAX_MESSAGE);
        }
        String signal = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = " + sql.literal(message);
        // Row triggers only (MariaDB has no statement triggers): a statement touching no row passes.
        Statements.execute(
                connection,
                create(connection, TriggerNames.guard(dialect, table, "ins"), table) + " BEFORE INSERT ON "
                        + sql.name(table) + " FOR EACH ROW " + signal,
                create(connection, TriggerNames.guard(dialect, table, "upd"), table) + " BEFORE UPDATE ON "
                        + sql.name(table) + " FOR EACH ROW " + signal,
                create(connection, TriggerNames.guard(dialect, table, "del"), table) + " BEFORE DELETE ON "
                        + sql.name(table) + " FOR EACH ROW " + signal);
    }

    @Override
    public void dropGuard(Connection connection, String table) throws SQLException {
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(TriggerNames.guard(dialect, table, "ins")),
                "DROP TRIGGER IF EXISTS " + sql.name(TriggerNames.guard(dialect, table, "upd")),
                "DROP TRIGGER IF EXISTS " + sql.name(TriggerNames.guard(dialect, table, "del")));
    }

    /** MariaDB replaces in one statement; MySQL has no CREATE OR REPLACE TRIGGER, so drop first. */
    private String create(Connection connection, String name, String table) throws SQLException {
        if (!mysql) {
            return "CREATE OR REPLACE TRIGGER " + sql.name(name);
        }
        Statements.execute(connection, "DROP TRIGGER IF EXISTS " + sql.name(name));
        return "CREATE TRIGGER " + sql.name(name);
    }

    @Override
    public BackfillSession startBackfill(Connection connection, Duration lockTimeout) throws SQLException {
        long previous;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout")) {
            rs.next();
            previous = rs.getLong(1);
        }
        // innodb_lock_wait_timeout counts whole seconds, 1 at least.
        long seconds = Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
        Statements.execute(
                connection, "SET SESSION innodb_lock_wait_timeout = " + seconds, "SET @" + BACKFILL_FLAG + " = 1");
        return new BackfillSession() {
            @Override
            public void beginBatch() {}

            @Override
            public void close() throws SQLException {
                Statements.execute(
                        connection,
                        "SET SESSION innodb_lock_wait_timeout = " + previous,
                        "SET @" + BACKFILL_FLAG + " = NULL");
            }
        };
    }

    @Override
    public boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                SQLException s = (SQLException) t;
                if (s.getErrorCode() == LOCK_WAIT_TIMEOUT
                        || s.getErrorCode() == DEADLOCK
                        || "40001".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
