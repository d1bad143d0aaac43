package dev.concertina.rules;

import java.util.Objects;

/**
 * One exact object name in a hint (no wildcards). Written without quotes it matches a database name
 * in any case ({@code fullname} matches PostgreSQL's {@code fullname} and H2's {@code FULLNAME});
 * written in double quotes it matches only that exact spelling.
 */
public record Name(String text, boolean exact) {

    public Name {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    /** A name written without quotes: matched in any case. */
    public static Name of(String text) {
        return new Name(text, false);
    }

    public boolean matches(String actual) {
        Objects.requireNonNull(actual, "actual");
        return exact ? text.equals(actual) : text.equalsIgnoreCase(actual);
    }

    /** Whether two hint names may denote the same object (used to find conflicting hints). */
    public boolean overlaps(Name other) {
        return exact && other.exact ? text.equals(other.text) : text.equalsIgnoreCase(other.text);
    }

    /** The name as it is written in a rules file: quoted (with {@code ""} for a quote) when exact. */
    @Override
    public String toString() {
        return exact ? quote(text) : text;
    }

    static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
