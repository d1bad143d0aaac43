package dev.concertina.api;

import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Concertina#check()} found: where the database stands against the code's migrations
 * and, when entities are configured, whether the migrations build the entities' schema (drift).
 *
 * @param result the database's state against the code's heads
 * @param status the branches' revisions, what is pending and what changed since it was applied
 * @param drift  the drift check, when entities are configured
 */
public record CheckReport(CheckResult result, Status status, Optional<Drift.Result> drift) {

    /** {@code check}'s exit code for drift. */
    public static final int DRIFT = DiffResult.DIFFERENCES;

    /**
     * {@code check}'s exit code when an applied revision's code has changed since it was applied
     * ({@link Status#checksumMismatches()}): restore it, or accept the new code explicitly
     * ({@code repair --accept-checksums REV}).
     */
    public static final int CHANGED_REVISIONS = 7;

    public CheckReport {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(drift, "drift");
    }

    /**
     * The exit code of {@code concertina check}; the first that applies wins: 5 the database has
     * revisions this code does not know, {@value #CHANGED_REVISIONS} an applied revision has
     * changed, 2 expand pending (or not under version control), 4 contract pending,
     * {@value #DRIFT} drift, 0 up to date. Errors (1) are exceptions.
     */
    public int exitCode() {
        int database = result.exitCode();
        if (database != 5 && !status.checksumMismatches().isEmpty()) {
            database = CHANGED_REVISIONS;
        }
        return exitCode(database, drift);
    }

    /** {@code databaseCode} with the drift check's verdict: drift ({@value #DRIFT}) only when the database is otherwise up to date (0). */
    public static int exitCode(int databaseCode, Optional<Drift.Result> drift) {
        boolean drifted = drift.map(Drift.Result::drifted).orElse(false);
        return databaseCode == 0 && drifted ? DRIFT : databaseCode;
    }
}
