package dev.concertina.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code concertina_history}: an applied or attempted revision.
 *
 * @param id        the row's sequence number (increases with time)
 * @param revision  the revision id
 * @param branch    its branch
 * @param direction upgrade, downgrade or goto
 * @param checksum  the checksum of the code that ran (empty for goto)
 * @param appliedAt when the attempt started
 * @param appliedBy who ran it ({@code user@host pid N})
 * @param duration  how long it took (zero while STARTED)
 * @param outcome   how it ended
 * @param error     the error of a failed attempt
 */
public record HistoryEntry(
        long id,
        String revision,
        Branch branch,
        Direction direction,
        Optional<String> checksum,
        Instant appliedAt,
        String appliedBy,
        Duration duration,
        Outcome outcome,
        Optional<String> error) {

    /** True when the attempt succeeded. */
    public boolean success() {
        return outcome == Outcome.SUCCEEDED;
    }
}
