package dev.concertina.runtime.expand;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a backfill stands after a batch.
 *
 * @param rowsDone    rows the batches have passed over so far (filled or already filled), including
 *                    those done before a resume
 * @param rowsUpdated rows this run changed
 * @param totalRows   rows in the table when the run started
 * @param elapsed     time since this run started
 * @param lastBatch   how long the last batch held its row locks (from its UPDATE to the end of its commit)
 * @param lastCommit  how much of {@code lastBatch} was the commit
 * @param rowsDoneAtStart rows done before this run (by a run it resumes)
 */
public record BackfillProgress(
        String table,
        String column,
        long batches,
        long rowsDone,
        long rowsUpdated,
        long totalRows,
        Duration elapsed,
        Duration lastBatch,
        Duration lastCommit,
        long rowsDoneAtStart) {

    /** Rows per second over this run. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (rowsDone - rowsDoneAtStart) / seconds;
    }

    /** The estimated time left at the current rate; empty before the rate is known. */
    public Optional<Duration> remaining() {
        double rate = rowsPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        long left = Math.max(0, totalRows - rowsDone);
        return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }

    /** Fraction done, 0 to 1. */
    public double fraction() {
        return totalRows <= 0 ? 1 : Math.min(1, (double) rowsDone / totalRows);
    }

    /** {@code backfill "item"."title": 12,000 / 50,000 rows (24%), 8,000 rows/s, 5s left} */
    public String describe() {
        String left = remaining().map(d -> ", " + d.toSeconds() + "s left").orElse("");
        return String.format(
                Locale.ROOT,
                "backfill \"%s\".\"%s\": %,d / %,d rows (%d%%), %,.0f rows/s%s",
                table,
                column,
                Math.min(rowsDone, totalRows),
                totalRows,
                Math.round(fraction() * 100),
                rowsPerSecond(),
                left);
    }
}
