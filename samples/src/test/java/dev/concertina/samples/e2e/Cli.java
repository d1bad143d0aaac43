package dev.concertina.samples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches {@code cli/target/concertina.jar} as a real process ({@code java -jar}), as an operator
 * would. The jar is built by the cli module's package phase, which the reactor runs before these
 * tests; stdin is empty (not a terminal), like CI.
 */
final class Cli {

    /** The module folder is the working directory of surefire. */
    static final Path JAR = Path.of("..", "cli", "target", "concertina.jar").toAbsolutePath().normalize();
    static final Path BOOKSHOP = Path.of("bookshop").toAbsolutePath().normalize();
    static final Path BOOKSHOP_CLASSES = BOOKSHOP.resolve("target").resolve("classes");
    static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath().normalize();

    /** JVM flags that only shorten start-up: each test launches many short processes. */
    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            // JVM warnings (e.g. a stale class-data archive) must not mix with the command's output.
            "-Xlog:disable", "-Xlog:all=off");

    /**
     * A class-data-sharing archive of the jar's classes, made once per test JVM by a warm-up run:
     * it halves the start-up of every later process (the classes of jOOQ, H2 and picocli come
     * mapped instead of parsed). Purely a test-speed measure; without it the tests behave the same.
     */
    private static final Path CDS = Path.of("target", "e2e-classes.jsa").toAbsolutePath();
    private static volatile boolean cdsReady;

    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();

    private Cli(Path workDir) {
        this.workDir = workDir;
    }

    /** A command run from {@code workDir} (where it looks for concertina.properties). */
    static Cli in(Path workDir) {
        if (!Files.isRegularFile(JAR)) {
            fail("the runnable jar " + JAR + " is missing: run the tests through the reactor (mvn verify), which packages cli first");
        }
        return new Cli(workDir);
    }

    /** Sets an environment variable of the launched processes (CONCERTINA_PASSWORD, …). */
    Cli env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** The outcome of one process. */
    record Result(List<String> command, int exit, String out, String err) {

        Result expect(int code) {
            assertEquals(code, exit, () -> "exit code of " + String.join(" ", command) + "\n--- stdout\n" + out + "--- stderr\n" + err);
            return this;
        }

        Result ok() {
            return expect(0);
        }

        /** Exit 1 with exactly one stderr line, {@code concertina: error: …}, containing every fragment. */
        Result error(String... fragments) {
            expect(1);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), () -> "one error line expected from " + String.join(" ", command) + ", got:\n" + err);
            String line = lines.get(0);
            assertTrue(line.startsWith("concertina: error: "), () -> "error line: " + line);
            for (String f : fragments) {
                assertTrue(line.contains(f), () -> "error line should contain '" + f + "': " + line);
            }
            return this;
        }

        Result outContains(String... fragments) {
            for (String f : fragments) {
                assertTrue(out.contains(f), () -> "stdout of " + String.join(" ", command) + " should contain '" + f + "':\n" + out + "--- stderr\n" + err);
            }
            return this;
        }

        Result errContains(String... fragments) {
            for (String f : fragments) {
                assertTrue(err.contains(f), () -> "stderr of " + String.join(" ", command) + " should contain '" + f + "':\n" + err);
            }
            return this;
        }
    }

    /** Runs to completion (2 minutes at most). */
    Result run(String... args) {
        Process p = start(args);
        try {
            // Read both streams fully before waiting: a full pipe would block the child.
            var outF = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            var errF = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + String.join(" ", args));
            }
            return new Result(List.of(args), p.exitValue(), outF.join(), errF.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts a process and returns at once; the caller reads or discards its output. */
    Process start(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        if (cdsReady()) {
            cmd.add("-XX:SharedArchiveFile=" + CDS);
        }
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("CONCERTINA_PASSWORD");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // stdin: empty, not a terminal
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized boolean cdsReady() {
        if (cdsReady) {
            return Files.isRegularFile(CDS);
        }
        cdsReady = true;
        try {
            Files.deleteIfExists(CDS);
            Path dir = Files.createTempDirectory("concertina-cds-");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(JVM);
            cmd.addAll(List.of("-XX:ArchiveClassesAtExit=" + CDS, "-jar", JAR.toString(), "sync", "--url",
                    "jdbc:h2:" + dir.resolve("warm"), "--migrations-classpath", BOOKSHOP_CLASSES.toString(),
                    "--migrations-package", "dev.concertina.samples.bookshop.migrations"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            p.waitFor(120, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return Files.isRegularFile(CDS);
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
