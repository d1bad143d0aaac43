package dev.concertina.rules;

import java.util.Objects;

/**
 * A rules file, or a rename/conversion hint, that cannot be read. The message is one line:
 * {@code concertina.ignore:3:15: <what was found>; expected <what>}. This module depends on the JDK
 * only, so it has its own exception; the command line maps it to exit code 1.
 */
public final class RulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Origin origin;
    private final String found;
    private final String expected;

    public RulesException(Origin origin, String found, String expected) {
        super(origin + ": " + found + "; expected " + expected);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.found = Objects.requireNonNull(found, "found");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    public RulesException(Origin origin, String found, String expected, Throwable cause) {
        this(origin, found, expected);
        initCause(cause);
    }

    public Origin origin() {
        return origin;
    }

    public String source() {
        return origin.source();
    }

    /** 1-based line. */
    public int line() {
        return origin.line();
    }

    /** 1-based column (in characters). */
    public int column() {
        return origin.column();
    }

    /** What the parser found, e.g. {@code unknown kind "tabel"}. */
    public String found() {
        return found;
    }

    /** What it expected instead. */
    public String expected() {
        return expected;
    }
}
