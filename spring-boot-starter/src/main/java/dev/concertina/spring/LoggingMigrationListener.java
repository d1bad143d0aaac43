package dev.concertina.spring;

import dev.concertina.runtime.Direction;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.ResolvedMigration;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Reports a startup sync through the application's logging, one line per event. */
final class LoggingMigrationListener implements MigrationListener {

    private static final Log LOG = LogFactory.getLog("dev.concertina.spring");

    @Override
    public void waitingForLock(String holder) {
        LOG.info("waiting for the migration lock, held by " + holder);
    }

    @Override
    public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
        LOG.info(direction.label() + " " + revision + " in " + duration.toMillis() + " ms");
    }

    @Override
    public void progress(ResolvedMigration revision, String message) {
        LOG.info(revision.id() + ": " + message);
    }

    @Override
    public void warning(String message) {
        LOG.warn(message);
    }
}
