package dev.concertina.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concertina.cli.Io;
import dev.concertina.cli.Main;
import dev.concertina.cli.Terminal;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keycloak's published entities against the schema Keycloak's own Liquibase changelog built: {@code diff} must
 * print exactly the pinned plan (src/test/resources/expected), which docs/real-world.md classifies line by line.
 *
 * <p>A change in the engine that alters what a real user sees here fails this test; if the new plan is right,
 * rerun with {@code -Dconcertina.updateExpected=true} and review the difference in the expected file like any
 * other change.
 */
class RealWorldDiffTest {

    /** The packages of Keycloak's persistence unit (default-persistence.xml in the same jar). */
    private static final String KEYCLOAK_PACKAGES = String.join(",",
            "org.keycloak.authorization.jpa.entities",
            "org.keycloak.events.jpa",
            "org.keycloak.models.jpa.entities",
            "org.keycloak.models.jpa.session",
            "org.keycloak.models.workflow",
            "org.keycloak.storage.configuration.jpa.entity",
            "org.keycloak.storage.jpa.entity");

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void keycloakPlanIsPinned(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaScripts.load(db, Path.of("src/test/resources/keycloak", fileName(kind) + ".sql"));
            Run run = diff(db, jarOf(org.keycloak.models.jpa.entities.RealmEntity.class), KEYCLOAK_PACKAGES);
            assertPinned("keycloak-" + fileName(kind), run);
        }
    }

    private static String fileName(DbKind kind) {
        return switch (kind) {
            case H2 -> "h2";
            case POSTGRES -> "postgres";
            case MARIADB -> "mariadb";
        };
    }

    record Run(int exit, String out, String err) {
        String transcript() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Run diff(FreshDatabase db, Path entityJar, String packages) {
        List<String> args = new ArrayList<>(List.of(
                "diff", "--url", db.url(), "--user", db.user(),
                "--classpath", entityJar.toString(), "--package", packages));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out), new PrintWriter(err),
                Map.of("CONCERTINA_PASSWORD", db.password()), Path.of("target"), Terminal.none());
        int exit = Main.run(args.toArray(String[]::new), io);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The database's own test name appears in no line: the transcript is the same on every run. */
    static void assertPinned(String name, Run run) throws Exception {
        String actual = run.transcript();
        Path expected = Path.of("src/test/resources/expected", name + ".txt");
        if (Boolean.getBoolean("concertina.updateExpected")) {
            Files.writeString(expected, actual);
            return;
        }
        Path written = Path.of("target", "real-world", name + ".actual.txt");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);
        if (!Files.exists(expected)) {
            fail("no pinned plan " + expected + "; the actual one is in " + written
                    + " (rerun with -Dconcertina.updateExpected=true to pin it)");
        }
        assertEquals(Files.readString(expected), actual,
                name + ": the plan differs from the pinned one; the actual one is in " + written);
    }
}
