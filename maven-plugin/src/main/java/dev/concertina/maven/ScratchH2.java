package dev.concertina.maven;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The in-memory H2 database {@code revision} builds the migrations' schema in when no URL is set. */
final class ScratchH2 {

    private ScratchH2() {}

    /** Frees the database's memory; it was only needed for one comparison. */
    static void shutdown(String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already gone: nothing to free.
        }
    }
}
