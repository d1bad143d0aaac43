package dev.concertina.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Connection failures in words a user can act on. */
class ConnectionsTest {

    @Test
    void postgresWithoutAUserConnectsAsTheSystemUserAsPsqlDoes() {
        String system = System.getProperty("user.name");
        assertEquals(system, Connections.user("jdbc:postgresql://db/shop", ""));
        assertEquals("", Connections.user("jdbc:postgresql://db/shop?user=shop", ""), "the URL names one");
        assertEquals("shop", Connections.user("jdbc:postgresql://db/shop", "shop"));
        assertEquals("", Connections.user("jdbc:mariadb://db/shop", ""), "MariaDB's driver has its own default");
    }

    @Test
    void aRefusedLoginWithTheSystemUserSaysSo() {
        ConcertinaException e = Connections.failed("jdbc:postgresql://db/shop", "", "",
                new SQLException("FATAL: password authentication failed", "28P01"));
        assertTrue(e.getMessage().contains(" as " + System.getProperty("user.name") + " (no user was given: the system user, as psql does)"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(no password was given)"), e.getMessage());
        assertTrue(Connections.loginRefused(e), "the SQLState survives for the CLI's password prompt");
    }

    @Test
    void anUnknownHostIsNamed() {
        SQLException driver = new SQLException("The connection attempt failed.", "08001", new UnknownHostException("db.example: Name or service not known"));
        ConcertinaException e = Connections.failed("jdbc:postgresql://db.example/shop?password=pw", "shop", "", driver);
        assertEquals("cannot connect to jdbc:postgresql://db.example/shop?password=*** as shop: unknown host db.example"
                + " (check the host name in the URL)", e.getMessage());
        assertFalse(String.valueOf(e.getCause().getMessage()).contains("pw"), "the cause is printable too");
    }
}
