package dev.concertina.maven;

import dev.concertina.runtime.Direction;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.ResolvedMigration;
import java.time.Duration;
import org.apache.maven.plugin.logging.Log;

/** What the runner reports, as the build's log lines. */
final class MavenLogListener implements MigrationListener {

    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void waitingForLock(String holder) {
        log.info("waiting for the migration lock, held by " + holder);
    }

    @Override
    public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
        log.info(direction.label() + " " + revision + " ... " + duration.toMillis() + " ms");
    }

    @Override
    public void progress(ResolvedMigration revision, String message) {
        log.info("  " + revision.id() + ": " + message);
    }

    @Override
    public void warning(String message) {
        log.warn(message);
    }
}
