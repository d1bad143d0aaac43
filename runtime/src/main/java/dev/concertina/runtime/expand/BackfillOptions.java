package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Backfill} runs.
 *
 * @param batchSize   rows of the first batch (one transaction each); default 1,000
 * @param targetBatchTime how long a batch should hold its row locks: after each batch the size is
 *                    scaled towards it (at most halved or doubled per batch, between 1 and 64 times
 *                    {@code batchSize}, 100,000 at most), so the fixed cost of a commit is spread over
 *                    enough rows on a fast table and locks stay short on a slow one; default 25 ms,
 *                    {@link Duration#ZERO} for a fixed batch size
 * @param pause       sleep between batches, to leave room for the application and replicas; default none
 * @param lockTimeout how long a batch waits for a row lock before it gives up and is retried;
 *                    default 1 s (MariaDB counts whole seconds)
 * @param maxRetries  retries of one batch after a lock timeout or deadlock before the backfill fails; default 10
 * @param resumable   keep the last finished key in {@code concertina_backfill} so a killed run goes on
 *                    where it stopped; default true
 * @param listener    receives progress after every batch
 */
public record BackfillOptions(
        int batchSize,
        Duration targetBatchTime,
        Duration pause,
        Duration lockTimeout,
        int maxRetries,
        boolean resumable,
        BackfillListener listener) {

    public BackfillOptions {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(targetBatchTime, "targetBatchTime");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(listener, "listener");
        if (batchSize < 1) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "backfill batch size must be at least 1, not " + batchSize);
        }
        if (pause.isNegative() || targetBatchTime.isNegative() || lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "backfill pause and target batch time must be >= 0, lock timeout > 0");
        }
        if (maxRetries < 0) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "backfill max retries must be >= 0, not " + maxRetries);
        }
    }

    public static BackfillOptions defaults() {
        return new BackfillOptions(
                1_000, Duration.ofMillis(25), Duration.ZERO, Duration.ofSeconds(1), 10, true, BackfillListener.NONE);
    }

    public BackfillOptions withBatchSize(int rows) {
        return new BackfillOptions(rows, targetBatchTime, pause, lockTimeout, maxRetries, resumable, listener);
    }

    /** {@link Duration#ZERO}: every batch has {@link #batchSize()} rows. */
    public BackfillOptions withTargetBatchTime(Duration value) {
        return new BackfillOptions(batchSize, value, pause, lockTimeout, maxRetries, resumable, listener);
    }

    public BackfillOptions withPause(Duration value) {
        return new BackfillOptions(batchSize, targetBatchTime, value, lockTimeout, maxRetries, resumable, listener);
    }

    public BackfillOptions withLockTimeout(Duration value) {
        return new BackfillOptions(batchSize, targetBatchTime, pause, value, maxRetries, resumable, listener);
    }

    public BackfillOptions withMaxRetries(int value) {
        return new BackfillOptions(batchSize, targetBatchTime, pause, lockTimeout, value, resumable, listener);
    }

    public BackfillOptions withResumable(boolean value) {
        return new BackfillOptions(batchSize, targetBatchTime, pause, lockTimeout, maxRetries, value, listener);
    }

    public BackfillOptions withListener(BackfillListener value) {
        return new BackfillOptions(batchSize, targetBatchTime, pause, lockTimeout, maxRetries, resumable, value);
    }

    /** The largest batch adaptive sizing may reach. */
    int maxBatchSize() {
        return targetBatchTime.isZero() ? batchSize : (int) Math.max(batchSize, Math.min(100_000L, batchSize * 64L));
    }
}
