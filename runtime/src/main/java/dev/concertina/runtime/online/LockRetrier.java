package dev.concertina.runtime.online;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Runs one DDL statement (or one idempotent group of them) under a short lock wait, retrying with
 * growing pauses while the lock is held elsewhere, and failing with the holders named when the
 * {@link LockRetry} patience runs out. Inside a transaction each attempt gets a savepoint, so a
 * timed-out attempt does not abort the migration's transaction.
 */
final class LockRetrier {

    interface Work {
        void run() throws Exception;
    }

    /** How deep this thread is in retried work: its statements must not be retried again around it. */
    private static final ThreadLocal<int[]> ACTIVE = ThreadLocal.withInitial(() -> new int[1]);

    /** The lock wait last set per connection, so that the SQL repeats it only when it changes. */
    private static final Map<Connection, Duration> LAST_SET = Collections.synchronizedMap(new WeakHashMap<>());

    private final MigrationContext ctx;
    private final LockRetry retry;

    LockRetrier(MigrationContext ctx) {
        this.ctx = ctx;
        this.retry = ctx.lockRetry();
    }

    /** Sets the per-attempt lock wait for the session (shown in the SQL view); H2 has none to set. */
    void setLockTimeout(Duration timeout) {
        setLockTimeout(timeout, false);
    }

    /**
     * Sets the lock wait unless this connection has it already ({@code force}: set it anyway, as at
     * the start of a revision, after which a rolled-back transaction may have undone the last one).
     */
    void setLockTimeout(Duration timeout, boolean force) {
        Connection c = ctx.connection();
        if (!force && timeout.equals(LAST_SET.get(c))) {
            return;
        }
        LAST_SET.put(c, timeout);
        switch (ctx.dialect()) {
            case POSTGRES:
                ctx.dsl().execute("set lock_timeout = {0}", DSL.inline(format(timeout)));
                break;
            case MARIADB:
            case MYSQL:
                ctx.dsl().execute("set session lock_wait_timeout = {0}", DSL.inline(seconds(timeout)));
                break;
            default:
                break;
        }
    }

    /** Whole seconds, rounded up: MariaDB's {@code lock_wait_timeout} takes no fractions. */
    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /**
     * Runs {@code work} until it succeeds, retrying when it fails for want of a lock.
     *
     * @param what   the statement in words, for the error ({@code create index "ix" on "person"})
     * @param tables the tables whose lock holders an error names
     */
    void run(String what, Work work, Name... tables) {
        run(what, retry.lockTimeout(), work, tables);
    }

    /**
     * {@link #run(String, Work, Name...)} for a statement whose lock blocks no writer (a concurrent
     * index build, a constraint validation): queued, it holds nobody up, so each attempt may wait
     * for the whole patience.
     */
    void runWeak(String what, Work work, Name... tables) {
        run(what, retry.patience(), work, tables);
    }

    private void run(String what, Duration timeout, Work work, Name... tables) {
        setLockTimeout(timeout);
        try {
            attempts(what, timeout, work, tables);
        } finally {
            if (!timeout.equals(retry.patience())) {
                // Back to the revision's base wait ({@link OnlineDdl#lockTimeout}) for the statements that follow.
                setLockTimeout(retry.patience());
            }
        }
    }

    private void attempts(String what, Duration timeout, Work work, Name... tables) {
        long start = System.nanoTime();
        int attempt = 0;
        while (true) {
            attempt++;
            Savepoint sp = savepoint();
            try {
                ACTIVE.get()[0]++;
                try {
                    work.run();
                } finally {
                    ACTIVE.get()[0]--;
                }
                release(sp);
                return;
            } catch (Exception e) {
                rollbackTo(sp);
                if (!isLockWait(e)) {
                    throw asRuntime(e);
                }
                Duration pause = retry.pause(attempt);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (attempt > retry.retries()
                        || waited.plus(pause).plus(timeout).compareTo(retry.patience()) > 0) {
                    String holders = LockHolders.describe(ctx, tables);
                    throw new ConcertinaException(
                            ErrorCode.LOCK_TIMEOUT,
                            what + ": gave up after " + attempt + " attempt(s) in "
                                    + waited.toMillis() + "ms waiting for a lock (lock timeout " + format(timeout)
                                    + ", " + retry.retries() + " retries, patience " + format(retry.patience())
                                    + "); held by "
                                    + holders + "; end or wait for that session, then run the migration again",
                            e);
                }
                ctx.progress(what + ": lock busy (attempt " + attempt + "), retrying in " + pause.toMillis() + "ms");
                sleep(pause);
            }
        }
    }

    /** True while this thread runs work under a retrier's lock rules. */
    static boolean active() {
        return ACTIVE.get()[0] > 0;
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** True when {@code e} is a lock wait that timed out (or a deadlock): trying again may succeed. */
    static boolean isLockWait(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                String state = Optional.ofNullable(s.getSQLState()).orElse("");
                // PostgreSQL: lock_not_available, deadlock_detected. MariaDB/MySQL: ER_LOCK_WAIT_TIMEOUT,
                // ER_LOCK_DEADLOCK.
                if (state.equals("55P03")
                        || state.equals("40P01")
                        || s.getErrorCode() == 1205
                        || s.getErrorCode() == 1213) {
                    return true;
                }
            }
        }
        return false;
    }

    private Savepoint savepoint() {
        if (ctx.dialect() != Dialect.POSTGRES) {
            return null;
        }
        try {
            Connection c = ctx.connection();
            return c.getAutoCommit() ? null : c.setSavepoint();
        } catch (SQLException e) {
            return null;
        }
    }

    private void release(Savepoint sp) {
        if (sp != null) {
            try {
                ctx.connection().releaseSavepoint(sp);
            } catch (SQLException e) {
                // The transaction goes on; the savepoint ends with it.
            }
        }
    }

    private void rollbackTo(Savepoint sp) {
        if (sp != null) {
            try {
                ctx.connection().rollback(sp);
            } catch (SQLException e) {
                // The transaction is broken: the next statement reports it.
            }
        }
    }

    static RuntimeException asRuntime(Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new ConcertinaException(ErrorCode.MIGRATION_FAILED, Jdbc.oneLine(e), e);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcertinaException(ErrorCode.LOCK_TIMEOUT, "interrupted while waiting to retry a DDL statement");
        }
    }
}
