package dev.concertina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static Settings withServer(String id, String user, String password) {
        Server s = new Server();
        s.setId(id);
        s.setUsername(user);
        s.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(s);
        return settings;
    }

    @Test
    void theServerGivesUserAndPassword() {
        Credentials c = Credentials.of(withServer("shop-db", "app", "s3cret"), null, "shop-db", Optional.empty(), null);
        assertEquals(new Credentials("app", "s3cret"), c);
    }

    @Test
    void theEnvironmentsPasswordAndAConfiguredUserWin() {
        Credentials c = Credentials.of(withServer("shop-db", "app", "s3cret"), null, "shop-db", Optional.of("ops"), "from-env");
        assertEquals(new Credentials("ops", "from-env"), c);
    }

    @Test
    void withoutAServerThePasswordIsEmpty() {
        Credentials c = Credentials.of(withServer("other", "app", "s3cret"), null, "concertina", Optional.of("ops"), null);
        assertEquals(new Credentials("ops", ""), c);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertEquals("Credentials[user=app]", new Credentials("app", "s3cret").toString());
    }
}
