package dev.concertina.runtime.expand.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs DDL and settings statements in order on one connection. */
final class Statements {

    private Statements() {}

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
