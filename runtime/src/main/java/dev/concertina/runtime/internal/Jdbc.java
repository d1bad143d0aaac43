package dev.concertina.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Small JDBC helpers. */
public final class Jdbc {

    private Jdbc() {}

    public static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // Nothing to do: the connection is being discarded.
        }
    }

    /** The message of an error on one line (drivers put details on further lines). */
    public static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** A JDBC URL with any password parameter masked, for messages. */
    public static String safeUrl(String url) {
        return url.replaceAll("(?i)(password\\s*=\\s*)[^;&]*", "$1***");
    }
}
