package dev.concertina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class MigratorConfigTest {

    private static MigratorConfig.Builder builder() {
        return MigratorConfig.builder().migrations(MigratorConfigTest.class.getClassLoader(), TestDatabases.LINEAR);
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheUrl() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + freePort + "/app?password=secret";
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> Migrator.open(builder().url(url).user("app").build()));
        assertEquals(ErrorCode.CONNECTION, e.code());
        String expectedStart = "cannot connect to jdbc:postgresql://127.0.0.1:" + freePort + "/app?password=*** as app: Connection to 127.0.0.1:" + freePort + " refused";
        assertEquals(expectedStart, e.getMessage().substring(0, Math.min(expectedStart.length(), e.getMessage().length())), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
        assertEquals(-1, e.getMessage().indexOf("secret"));
    }

    @Test
    void missingOrUnsupportedUrls() {
        ConcertinaException none = assertThrows(ConcertinaException.class, () -> builder().build());
        assertEquals(ErrorCode.CONFIGURATION, none.code());
        assertEquals("no database URL configured: give --url or url= in concertina.properties", none.getMessage());
        ConcertinaException oracle = assertThrows(ConcertinaException.class, () -> builder().url("jdbc:oracle:thin:@x:1521/db").build());
        assertEquals(ErrorCode.UNSUPPORTED_DATABASE, oracle.code());
        ConcertinaException noMigrations = assertThrows(ConcertinaException.class, () -> MigratorConfig.builder().url("jdbc:h2:mem:x").build());
        assertEquals(ErrorCode.CONFIGURATION, noMigrations.code());
    }
}
