package dev.concertina.runtime.online;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * How a DDL statement waits for its table lock: each attempt waits at most {@code lockTimeout}
 * (PostgreSQL {@code lock_timeout}, MariaDB/MySQL {@code lock_wait_timeout}), then gives way to the
 * application's queries for a growing pause and tries again, at most {@code retries} more times and
 * for at most {@code patience} in all. A statement waiting in the lock queue makes every later query
 * on its table wait behind it, so a short wait repeated beats a long one (docs/expand.md, "Online DDL").
 *
 * @param lockTimeout how long one attempt may wait for its lock
 * @param retries     how many more attempts after the first
 * @param patience    the total time one statement may spend waiting and pausing before it fails,
 *                    naming the sessions that held it up
 */
public record LockRetry(Duration lockTimeout, int retries, Duration patience) {

    /** 500 ms per attempt (a writer waits at most that long behind a blocked statement), 30 retries, 5 minutes. */
    public static final LockRetry DEFAULTS = new LockRetry(Duration.ofMillis(500), 30, Duration.ofMinutes(5));

    /** The first pause between attempts; it doubles up to {@link #MAX_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    public LockRetry {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(patience, "patience");
        if (lockTimeout.toMillis() < 1) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "DDL lock timeout must be at least 1ms, not " + lockTimeout);
        }
        if (retries < 0) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "DDL lock retries must be 0 or more, not " + retries);
        }
        if (patience.compareTo(lockTimeout) < 0) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "DDL lock patience (" + patience.toMillis() + "ms) must be at least the lock timeout ("
                            + lockTimeout.toMillis() + "ms)");
        }
    }

    public static LockRetry defaults() {
        return DEFAULTS;
    }

    public LockRetry withLockTimeout(Duration d) {
        return new LockRetry(d, retries, patience.compareTo(d) < 0 ? d : patience);
    }

    public LockRetry withRetries(int n) {
        return new LockRetry(lockTimeout, n, patience);
    }

    public LockRetry withPatience(Duration d) {
        return new LockRetry(lockTimeout, retries, d);
    }

    /** The pause after failed attempt {@code attempt} (1-based): 200 ms, 400 ms, 800 ms, … up to 10 s. */
    Duration pause(int attempt) {
        long ms = FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(ms, MAX_PAUSE.toMillis()));
    }
}
