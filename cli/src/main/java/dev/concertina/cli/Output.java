package dev.concertina.cli;

import dev.concertina.api.JdbcUrls;
import dev.concertina.api.TerminalText;

/**
 * Concertina's own lines. Progress goes to stdout unless {@code --quiet}; results always; details
 * only with {@code --verbose}; warnings and errors to stderr, prefixed so scripts can grep them.
 * Every line passes through {@link #safe}: no password of a JDBC URL is ever printed, no control
 * character from a file or a database reaches the terminal, and no line runs on for megabytes.
 */
public final class Output {

    private final Io io;
    private final boolean quiet;
    private final boolean verbose;

    public Output(Io io, boolean quiet, boolean verbose) {
        this.io = io;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    /** Progress: what runs, how long it took. */
    public void progress(String line) {
        if (!quiet) {
            io.out().println(safe(line));
            io.out().flush();
        }
    }

    /** Starts a progress line finished by a later {@link #progress}; false when quiet. */
    public boolean progressPartial(String text) {
        if (quiet) {
            return false;
        }
        io.out().print(safe(text));
        io.out().flush();
        return true;
    }

    /** What the command was asked for (versions, history, check's verdict). */
    public void result(String line) {
        io.out().println(safe(line));
        io.out().flush();
    }

    public void detail(String line) {
        if (verbose) {
            io.out().println(safe(line));
            io.out().flush();
        }
    }

    public void warning(String line) {
        io.err().println("concertina: warning: " + safe(oneLine(line)));
        io.err().flush();
    }

    public boolean verbose() {
        return verbose;
    }

    /** The longest line printed; a longer one (a value read from a file or a database) is cut, saying so. */
    static final int LINE_LIMIT = 4000;

    /** {@code line} with the password of every JDBC URL in it masked, control characters escaped, at most {@link #LINE_LIMIT} long. */
    public static String safe(String line) {
        return TerminalText.shortened(JdbcUrls.maskedIn(line), LINE_LIMIT);
    }

    /** A whole rendered text (inspect, diff): passwords masked, control characters other than newline and tab escaped. */
    public static String safeText(String text) {
        return TerminalText.escaped(JdbcUrls.maskedIn(text));
    }

    /** Messages are one line; a multi-line message from a driver is folded. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
