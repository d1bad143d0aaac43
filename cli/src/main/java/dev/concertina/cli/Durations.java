package dev.concertina.cli;

import java.time.Duration;
import java.util.Locale;

/** Human durations: {@code 35 ms}, {@code 1.2 s}, {@code 3 min 4 s}. */
final class Durations {

    private Durations() {}

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = (ms % 60_000) / 1000;
        return (ms / 60_000) + " min" + (s == 0 ? "" : " " + s + " s");
    }
}
