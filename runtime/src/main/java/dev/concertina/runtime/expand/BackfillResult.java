package dev.concertina.runtime.expand;

import java.time.Duration;

/**
 * What a backfill did.
 *
 * @param rowsUpdated rows this run changed (rows already filled are skipped: a rerun updates none)
 * @param batches     committed batches
 * @param retries     batches rolled back and run again after lock timeouts or deadlocks
 * @param longestBatch the longest time one batch held its row locks
 * @param resumed     true when the run continued from a checkpoint left by a killed run
 */
public record BackfillResult(
        String table,
        String column,
        long rowsUpdated,
        long batches,
        long retries,
        Duration elapsed,
        Duration longestBatch,
        boolean resumed) {

    /** A backfill an earlier attempt of the revision completed, so this one did not run it. */
    public static BackfillResult skipped(String table, String column) {
        return new BackfillResult(table, column, 0, 0, 0, Duration.ZERO, Duration.ZERO, true);
    }
}
