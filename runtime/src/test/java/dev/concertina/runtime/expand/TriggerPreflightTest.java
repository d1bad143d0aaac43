package dev.concertina.runtime.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerPreflightTest {

    @Test
    void failsOnlyWhenBinaryLoggingIsOnAndNeitherTrustNorSuperAllowsTriggers() {
        Optional<String> problem = TriggerPreflight.problem(new TriggerPreflight.Facts(true, false, false, "app@%"));
        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("SET GLOBAL log_bin_trust_function_creators = 1"), problem.get());
        assertTrue(problem.get().contains("app@%"), problem.get());
        assertFalse(TriggerPreflight.problem(new TriggerPreflight.Facts(false, false, false, "app@%")).isPresent(), "no binary log");
        assertFalse(TriggerPreflight.problem(new TriggerPreflight.Facts(true, true, false, "app@%")).isPresent(), "creators trusted");
        assertFalse(TriggerPreflight.problem(new TriggerPreflight.Facts(true, false, true, "app@%")).isPresent(), "SUPER");
    }

    @Test
    void granteeIsWrittenAsInformationSchemaWritesIt() {
        assertEquals("'root'@'localhost'", TriggerPreflight.grantee("root@localhost"));
        assertEquals("'a@b'@'%'", TriggerPreflight.grantee("a@b@%"));
    }

    /** The real server: its variables as they are (log_bin is off here), SUPER for root and not for a plain user. */
    @Test
    void readsTheServersVariablesAndTheUsersPrivileges() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB); Connection root = db.connect()) {
            TriggerPreflight.Facts facts = TriggerPreflight.read(root);
            assertEquals(((Number) Db.one(root, "SELECT @@GLOBAL.log_bin")).intValue() == 1, facts.binaryLogging());
            assertEquals(((Number) Db.one(root, "SELECT @@GLOBAL.log_bin_trust_function_creators")).intValue() == 1,
                    facts.trustFunctionCreators());
            assertTrue(facts.hasSuper(), "root has SUPER: " + facts);

            String user = "cc_pf_" + Long.toString(System.nanoTime(), 36);
            Db.exec(root, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw'",
                    "GRANT ALL PRIVILEGES ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            try (Connection plain = DriverManager.getConnection(db.url(), user, "pw")) {
                TriggerPreflight.Facts p = TriggerPreflight.read(plain);
                assertFalse(p.hasSuper(), "a schema-only user has no SUPER: " + p);
                assertTrue(p.user().startsWith(user + "@"), p.user());
                // With the server's binary log off the check passes, as trigger creation does.
                TriggerPreflight.check(plain, Dialect.MARIADB);
                assertEquals(p.binaryLogging() && !p.trustFunctionCreators(), TriggerPreflight.problem(p).isPresent());
            } finally {
                Db.exec(root, "DROP USER '" + user + "'@'%'");
            }
        }
    }
}
