package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * MariaDB and MySQL: DDL commits implicitly (no transactional DDL); the lock is a named user
 * lock ({@code GET_LOCK}), which the server releases when the holding connection ends. User locks
 * are server-wide, so the name carries the database name.
 */
final class MariaDbSupport implements DialectSupport {

    private final Dialect dialect;

    MariaDbSupport(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public MigrationLock lock(Connection c, String owner, Duration timeout, MigrationListener listener) {
        String name;
        try {
            c.setAutoCommit(true);
            String db = currentDatabase(c);
            name = lockName(db);
            LockWait.await(
                    dialect.label() + " database `" + db + "`",
                    () -> tryLock(c, name),
                    () -> holder(c, name),
                    timeout,
                    listener);
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            throw new ConcertinaException(
                    ErrorCode.CONNECTION,
                    "cannot take the " + dialect.label() + " migration lock: " + Jdbc.oneLine(e),
                    e);
        } catch (RuntimeException e) {
            Jdbc.closeQuietly(c);
            throw e;
        }
        return () -> {
            try (PreparedStatement s = c.prepareStatement("select release_lock(?)")) {
                s.setString(1, name);
                s.execute();
            } catch (SQLException e) {
                // Closing the connection below releases the lock anyway.
            } finally {
                Jdbc.closeQuietly(c);
            }
        };
    }

    /** {@code concertina.<database>}, hashed when longer than the 64 characters a lock name may have. */
    static String lockName(String database) {
        String name = "concertina." + database;
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return "concertina." + HexFormat.of().formatHex(h).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select database()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            String db = rs.getString(1);
            if (db == null) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "the database URL names no database: add it to the URL (jdbc:mariadb://host/<database>)");
            }
            return db;
        }
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select get_lock(?, 0)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static String holder(Connection c, String name) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("select is_used_lock(?)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return "another connection (it has just released it)";
                }
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("select user, host, time from information_schema.processlist where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return "connection " + id + " of " + rs.getString(1) + "@" + rs.getString(2) + " (lock \"" + name
                            + "\")";
                }
            }
        }
        return "connection " + id + " (lock \"" + name + "\")";
    }
}
