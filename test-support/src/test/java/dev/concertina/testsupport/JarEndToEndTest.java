package dev.concertina.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema commands as an operator runs them: {@code java -jar cli/target/concertina.jar} in a
 * real process (built by the cli module's package phase, which the reactor runs before this
 * module's tests). Only Concertina's lines may reach stdout and stderr, never Hibernate's or
 * SchemaCrawler's logging.
 */
class JarEndToEndTest {

    static final Path JAR = Path.of("..", "cli", "target", "concertina.jar").toAbsolutePath().normalize();
    static final Path CLASSES = Path.of("target", "test-classes").toAbsolutePath();
    static final String MODEL = "dev.concertina.testsupport.fixture.model";

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Result run(String... args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            fail("the runnable jar " + JAR + " is missing: run the tests through the reactor (mvn verify), which packages cli first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("CONCERTINA_PASSWORD");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        return new Result(p.exitValue(), out.join(), err.join());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] models() {
        return new String[] {"--classpath", CLASSES.toString(), "--package", MODEL};
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    @Test
    void inspectDiffAndCheckThroughTheJar() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("db").toString().replace('\\', '/');

        Result models = run(concat(concat(new String[] {"inspect", "--from", "models", "--dialect", "postgres"}, models())));
        assertEquals(0, models.exit(), models::toString);
        assertTrue(models.out().contains("table \"person\"") && models.out().contains("column \"fullname\" varchar(100)"), models::toString);
        assertEquals("", models.err(), "no library logging");
        assertFalse(models.out().contains("HHH"), models::toString);

        Result diff = run(concat(concat(new String[] {"diff", "--url", url, "--format", "json"}, models())));
        assertEquals(6, diff.exit(), diff::toString);
        assertTrue(diff.out().contains("\"changes\""), diff::toString);
        assertEquals("", diff.err());

        // The drifted fixture's migrations: sync them, then check finds the drift (exit 6).
        String[] drifted = {"--url", url, "--migrations-classpath", CLASSES.toString(), "--migrations-package", "dev.concertina.testsupport.fixture.drifted"};
        assertEquals(0, run(concat(new String[] {"sync"}, drifted)).exit());
        Result check = run(concat(concat(concat(new String[] {"check"}, drifted), models())));
        assertEquals(6, check.exit(), check::toString);
        assertTrue(check.out().contains("2 differences") && check.out().contains("\"PERSON\".\"AGE\""), check::toString);

        // diff against the database the drifted migrations built: what a new migration would do.
        Result plan = run(concat(concat(new String[] {"diff", "--url", url}, models())));
        assertEquals(6, plan.exit(), plan::toString);
        assertTrue(plan.out().contains("add column \"PERSON\".\"AGE\""), plan::toString);
        Result sql = run(concat(concat(new String[] {"diff", "--url", url, "--format", "sql", "--phase", "expand"}, models())));
        assertEquals(6, sql.exit(), sql::toString);
        assertTrue(sql.out().contains("-- expand (h2)") && sql.out().contains("alter table \"PERSON\""), sql::toString);
    }
}
