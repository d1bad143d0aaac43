package dev.concertina.runtime.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import java.sql.SQLException;
import java.time.Duration;

/** The polling loop all locks share: try, tell the listener once, sleep, give up at the deadline. */
final class LockWait {

    interface Attempt {
        boolean tryLock() throws SQLException;
    }

    interface Holder {
        String describe() throws SQLException;
    }

    private LockWait() {}

    static void await(String what, Attempt attempt, Holder holder, Duration timeout, MigrationListener listener)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            if (attempt.tryLock()) {
                listener.lockAcquired();
                return;
            }
            if (!told) {
                listener.waitingForLock(holder.describe());
                told = true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ConcertinaException(
                        ErrorCode.LOCK_TIMEOUT,
                        "could not take the migration lock of " + what + " within " + format(timeout)
                                + ": it is held by " + holder.describe()
                                + "; wait for it to finish, or stop it if it hangs");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(DialectSupport.POLL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConcertinaException(
                        ErrorCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock of " + what);
            }
        }
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
