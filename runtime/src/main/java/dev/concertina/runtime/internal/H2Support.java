package dev.concertina.runtime.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.OwnObjects;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * H2: DDL commits implicitly (H2 2.x ends the open transaction on CREATE/ALTER/DROP, so a failed
 * migration cannot be rolled back), and there is no advisory lock. The lock is a row in
 * {@code CONCERTINA_LOCK} with its owner and an expiry that a heartbeat thread keeps pushing
 * forward; a process that dies stops the heartbeat and the next process takes the row over once
 * it has expired, or at once when the owner ran on the same host and its pid is gone (a file
 * database after a SIGKILL). An in-memory database dies with its process anyway.
 */
final class H2Support implements DialectSupport {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    private static final Dialect DIALECT = Dialect.H2;
    static final Table<Record> LOCK = table(name(DIALECT.foldUnquoted(OwnObjects.LOCK_TABLE)));
    static final Field<Integer> ID = field(name(DIALECT.foldUnquoted("id")), SQLDataType.INTEGER);
    static final Field<String> OWNER = field(name(DIALECT.foldUnquoted("owner")), SQLDataType.VARCHAR(255));
    static final Field<LocalDateTime> ACQUIRED_AT =
            field(name(DIALECT.foldUnquoted("acquired_at")), SQLDataType.LOCALDATETIME(3));
    static final Field<LocalDateTime> EXPIRES_AT =
            field(name(DIALECT.foldUnquoted("expires_at")), SQLDataType.LOCALDATETIME(3));

    private final Duration ttl;

    H2Support() {
        this(DEFAULT_TTL);
    }

    H2Support(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void makeDurable(Connection connection) {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (java.sql.SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "cannot write the H2 database to disk: " + Jdbc.oneLine(e), e);
        }
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** Creates the lock table when missing; tolerates another process creating it at the same moment. */
    static void createLockTable(DSLContext dsl) {
        try {
            dsl.createTableIfNotExists(LOCK)
                    .column(ID, SQLDataType.INTEGER.notNull())
                    .column(OWNER, SQLDataType.VARCHAR(255).notNull())
                    .column(ACQUIRED_AT, SQLDataType.LOCALDATETIME(3).notNull())
                    .column(EXPIRES_AT, SQLDataType.LOCALDATETIME(3).notNull())
                    .constraints(DSL.constraint(name(DIALECT.foldUnquoted(OwnObjects.LOCK_TABLE + "_pk")))
                            .primaryKey(ID))
                    .execute();
        } catch (DataAccessException e) {
            if (!dsl.meta().getTables(LOCK.getName()).isEmpty()) {
                return;
            }
            throw e;
        }
    }

    /** The owner as stored: who, plus the host and pid that let a later process see that it died. */
    static String rowOwner(String owner) {
        String tag = " [" + HOST + " pid " + ProcessHandle.current().pid() + "]";
        String base = owner.length() + tag.length() > 255 ? owner.substring(0, 255 - tag.length()) : owner;
        return base + tag;
    }

    private static final String HOST = hostName();

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(" \\[(.+) pid (\\d+)\\]$");

    /**
     * True when the row's owner ran on this host in a process that no longer exists (killed):
     * its lease need not run out before the lock is taken over.
     */
    static boolean ownerIsDead(String rowOwner) {
        java.util.regex.Matcher m = TAG.matcher(rowOwner);
        if (!m.find() || !m.group(1).equals(HOST)) {
            return false;
        }
        long pid = Long.parseLong(m.group(2));
        return pid != ProcessHandle.current().pid()
                && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Override
    public MigrationLock lock(Connection c, String requestedOwner, Duration timeout, MigrationListener listener) {
        String owner = rowOwner(requestedOwner);
        DSLContext dsl;
        try {
            c.setAutoCommit(true);
            dsl = Sql.dsl(c, DIALECT);
            createLockTable(dsl);
            LockWait.await("this H2 database", () -> tryLock(dsl, owner), () -> holder(dsl), timeout, listener);
        } catch (SQLException | DataAccessException e) {
            Jdbc.closeQuietly(c);
            throw new ConcertinaException(
                    ErrorCode.CONNECTION,
                    "cannot take the H2 migration lock (table " + LOCK.getName() + "): " + Jdbc.oneLine(e),
                    e);
        } catch (RuntimeException e) {
            Jdbc.closeQuietly(c);
            throw e;
        }
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concertina-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, ttl.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(
                () -> {
                    try {
                        dsl.update(LOCK)
                                .set(EXPIRES_AT, now(dsl).plus(ttl))
                                .where(ID.eq(1))
                                .and(OWNER.eq(owner))
                                .execute();
                    } catch (RuntimeException e) {
                        // A missed beat only shortens the lease; the next one retries.
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return () -> {
            heartbeat.shutdownNow();
            try {
                heartbeat.awaitTermination(5, TimeUnit.SECONDS);
                dsl.deleteFrom(LOCK).where(ID.eq(1)).and(OWNER.eq(owner)).execute();
            } catch (RuntimeException e) {
                // The row expires on its own.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Jdbc.closeQuietly(c);
            }
        };
    }

    private static LocalDateTime now(DSLContext dsl) {
        return dsl.select(DSL.currentLocalDateTime()).fetchOne(0, LocalDateTime.class);
    }

    private boolean tryLock(DSLContext dsl, String owner) {
        LocalDateTime now = now(dsl);
        try {
            dsl.insertInto(LOCK)
                    .columns(ID, OWNER, ACQUIRED_AT, EXPIRES_AT)
                    .values(1, owner, now, now.plus(ttl))
                    .execute();
            return true;
        } catch (DataAccessException e) {
            // Duplicate key: someone holds it, or held it and died. Take it over once expired.
            try {
                Record row =
                        dsl.select(OWNER, EXPIRES_AT).from(LOCK).where(ID.eq(1)).fetchOne();
                if (row == null) {
                    return false; // released in between: the next poll inserts
                }
                if (row.get(EXPIRES_AT).isBefore(now) || ownerIsDead(row.get(OWNER))) {
                    return dsl.update(LOCK)
                                    .set(OWNER, owner)
                                    .set(ACQUIRED_AT, now)
                                    .set(EXPIRES_AT, now.plus(ttl))
                                    .where(ID.eq(1))
                                    .and(OWNER.eq(row.get(OWNER)))
                                    .and(EXPIRES_AT.eq(row.get(EXPIRES_AT)))
                                    .execute()
                            == 1;
                }
            } catch (DataAccessException busy) {
                // Another process is writing the row right now (H2 row lock timeout): poll again.
            }
            return false;
        }
    }

    private static String holder(DSLContext dsl) {
        Record row;
        try {
            row = dsl.select(OWNER, ACQUIRED_AT, EXPIRES_AT)
                    .from(LOCK)
                    .where(ID.eq(1))
                    .fetchOne();
        } catch (DataAccessException e) {
            return "another process (its lock row is being written: " + Jdbc.oneLine(e) + ")";
        }
        if (row == null) {
            return "another process (it has just released it)";
        }
        return row.get(OWNER) + " (since " + row.get(ACQUIRED_AT) + ", lease until " + row.get(EXPIRES_AT) + ")";
    }
}
