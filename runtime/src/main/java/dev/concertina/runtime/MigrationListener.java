package dev.concertina.runtime;

import java.time.Duration;

/**
 * What the runner reports while it works; the CLI prints it, applications may log it. Every
 * method defaults to doing nothing. Called on the thread that called the {@link Migrator}.
 */
public interface MigrationListener {

    /** Another process holds the migration lock; called once, then the runner polls until the timeout. */
    default void waitingForLock(String holder) {}

    /** The migration lock is ours. */
    default void lockAcquired() {}

    default void migrationStarted(ResolvedMigration revision, Direction direction) {}

    default void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {}

    /** A long step inside a migration reported progress ({@link MigrationContext#progress}). */
    default void progress(ResolvedMigration revision, String message) {}

    /**
     * A step of a revision running without a transaction completed and is recorded
     * (docs/runtime.md, "Steps"): the schema is in a state the application sees. Not called for
     * steps a resumed run skips, nor inside a transactional revision (its steps are not visible).
     */
    default void stepCompleted(ResolvedMigration revision, String step) {}

    /** Something the operator should know that does not stop the run (a checksum mismatch, …). */
    default void warning(String message) {}

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() {};
}
