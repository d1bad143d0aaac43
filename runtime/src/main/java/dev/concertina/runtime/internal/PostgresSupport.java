package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL: transactional DDL; the lock is a session-level advisory lock, which the server
 * releases when the holding session ends, however it ends (process killed, connection lost).
 * Advisory locks are per database, so two databases on one server do not block each other.
 */
final class PostgresSupport implements DialectSupport {

    /** The advisory lock key pair: "CONC" and 1 (the two-int form shows up as classid/objid in pg_locks). */
    static final int KEY1 = 0x434F4E43;

    static final int KEY2 = 1;

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * A backend busy with a long statement notices that its client died only when the statement
     * ends, and holds its locks (and its transaction) until then. PostgreSQL 14+ can poll the
     * socket while running: with {@code client_connection_check_interval} a killed runner's
     * statement is cancelled within a second, so the next runner does not wait for it.
     */
    @Override
    public void prepareSession(Connection c) {
        try {
            if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
                try (PreparedStatement s =
                        c.prepareStatement("select set_config('client_connection_check_interval', '1000', false)")) {
                    s.execute();
                }
            }
        } catch (SQLException e) {
            // An optimisation only: without it a killed runner's statement runs to its end.
        }
    }

    @Override
    public MigrationLock lock(Connection c, String owner, Duration timeout, MigrationListener listener) {
        try {
            c.setAutoCommit(true);
            // Other sessions see who holds the lock through pg_stat_activity.application_name.
            try (PreparedStatement s = c.prepareStatement("select set_config('application_name', ?, false)")) {
                String name = "concertina " + owner;
                s.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
                s.execute();
            }
            String db = currentDatabase(c);
            LockWait.await("database \"" + db + "\"", () -> tryLock(c), () -> holder(c), timeout, listener);
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "cannot take the PostgreSQL advisory lock: " + Jdbc.oneLine(e), e);
        } catch (RuntimeException e) {
            Jdbc.closeQuietly(c);
            throw e;
        }
        return () -> {
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                s.setInt(1, KEY1);
                s.setInt(2, KEY2);
                s.execute();
            } catch (SQLException e) {
                // Closing the session below releases the lock anyway.
            } finally {
                Jdbc.closeQuietly(c);
            }
        };
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            s.setInt(1, KEY1);
            s.setInt(2, KEY2);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select current_database()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String holder(Connection c) throws SQLException {
        String sql = "select a.pid, a.application_name, a.usename, a.client_addr, a.backend_start"
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.classid = " + KEY1 + " and l.objid = " + KEY2
                + " and l.objsubid = 2 and l.database = (select oid from pg_database where datname = current_database())";
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return "another session (it has just released it)";
            }
            // Without pg_read_all_stats, some columns of other users' sessions read as null.
            String app = rs.getString(2);
            String user = rs.getString(3);
            String client = rs.getString(4);
            java.sql.Timestamp since = rs.getTimestamp(5);
            return (app == null || app.isBlank()
                            ? "a session" + (user == null ? "" : " of " + user)
                            : "\"" + app + "\"")
                    + " (server pid " + rs.getInt(1) + (client == null ? "" : ", client " + client)
                    + (since == null ? "" : ", connected since " + since.toInstant()) + ")";
        }
    }
}
