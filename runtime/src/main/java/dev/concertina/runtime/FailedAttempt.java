package dev.concertina.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A non-transactional migration that did not finish: it failed ({@link Outcome#FAILED}) or its
 * process died ({@link Outcome#STARTED}). The schema may hold part of its changes.
 */
public record FailedAttempt(
        String revision,
        Branch branch,
        Direction direction,
        String message,
        Outcome outcome,
        Instant startedAt,
        String startedBy,
        Optional<String> error) {

    /** One line naming the revision, what to check and the way out. */
    public String describe() {
        String what = outcome == Outcome.STARTED
                ? "started by " + startedBy + " at " + startedAt
                        + " and never finished (the process died or lost its connection)"
                : "failed at " + startedAt + error.map(e -> ": " + e).orElse("");
        return direction.label() + " of " + branch.label() + " revision " + revision
                + (message.isEmpty() ? "" : " (" + message + ")")
                + " " + what
                + "; its completed steps are recorded: run the same command again (`concertina sync`) to resume"
                + " it at its first unfinished step, or `concertina repair` to list them and deal with them by hand";
    }
}
