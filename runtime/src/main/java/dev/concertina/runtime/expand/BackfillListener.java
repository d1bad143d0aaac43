package dev.concertina.runtime.expand;

import java.time.Duration;

/** Receives a backfill's progress; the CLI prints it, libraries never do. Called on the backfill's thread. */
public interface BackfillListener {

    /** Listens to nothing. */
    BackfillListener NONE = new BackfillListener() {};

    /** After every committed batch (and once at the start when resuming from a checkpoint). */
    default void onProgress(BackfillProgress progress) {}

    /**
     * A batch was rolled back after a lock timeout, deadlock or serialization failure and will run
     * again after {@code delay}.
     */
    default void onRetry(String table, String column, int attempt, Duration delay, String reason) {}
}
