package dev.concertina.cli;

import dev.concertina.runtime.Direction;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.ResolvedMigration;
import java.time.Duration;

/**
 * Prints what the runner does, one line per migration: {@code upgrade expand 1f3a5c (create author
 * and book) ... 35 ms}. The line is started when the migration starts, so a long one shows what is
 * running, and finished with its duration.
 */
final class ConsoleListener implements MigrationListener {

    private final Output out;
    private final String lockTimeout;
    private boolean lineOpen;
    private int ran;

    ConsoleListener(Output out, String lockTimeout) {
        this.out = out;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public void waitingForLock(String holder) {
        closeLine();
        out.progress("waiting for the migration lock, held by " + holder + " (giving up after " + lockTimeout + ")");
    }

    @Override
    public void lockAcquired() {
        out.detail("migration lock taken");
    }

    @Override
    public void migrationStarted(ResolvedMigration revision, Direction direction) {
        closeLine();
        String text = verb(direction) + " " + revision.branch().label() + " " + revision.describe() + " ... ";
        if (out.progressPartial(text)) {
            lineOpen = true;
        }
    }

    @Override
    public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
        ran++;
        String took = Durations.format(duration);
        if (lineOpen) {
            out.progress(took);
            lineOpen = false;
        } else {
            out.progress(
                    verb(direction) + " " + revision.branch().label() + " " + revision.describe() + " ... " + took);
        }
    }

    @Override
    public void progress(ResolvedMigration revision, String message) {
        closeLine();
        out.progress("  " + revision.id() + ": " + message);
    }

    @Override
    public void warning(String message) {
        closeLine();
        out.warning(message);
    }

    /** Ends a started line when the migration failed (the error follows on stderr). */
    void closeLine() {
        if (lineOpen) {
            out.progress("");
            lineOpen = false;
        }
    }

    int ran() {
        return ran;
    }

    private static String verb(Direction d) {
        return d.label();
    }
}
