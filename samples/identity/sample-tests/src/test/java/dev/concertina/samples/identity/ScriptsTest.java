package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample's scripts run as a newcomer runs them, as processes on the built command: the root
 * README's first command ({@code demo.sh}) and {@code regenerate.sh} on each database.
 */
class ScriptsTest {

    static final Path SAMPLE = ModelVersion.sampleDirectory();
    static final Path CHECKED_IN = SAMPLE.resolve(Path.of("migrations", "src", "main", "java"));
    static final String PACKAGE_DIR = "dev/concertina/samples/identity/migrations";

    /** What one script run printed. */
    record Run(int exit, String output) {}

    static Run run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path jar = SAMPLE.resolve(Path.of("..", "..", "cli", "target", "concertina.jar")).normalize();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: run the tests through the reactor (mvn verify), which packages cli first");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(SAMPLE.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Every file under {@code root}, by relative path, with its content. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    @Test
    void demoPrintsWhatAutogenerateWroteAndCompilesIt(@TempDir Path work) throws Exception {
        Run r = run(Map.of("DEMO_DIR", work.toString()), "./demo.sh");
        assertEquals(0, r.exit(), r.output());
        Path src = work.resolve("src").resolve(PACKAGE_DIR);
        List<String> expected = List.of("expand/E0003IdentityV3.java", "contract/C0002IdentityV3.java");
        for (String f : expected) {
            assertTrue(r.output().contains("wrote " + src.resolve(f)), "output names " + f + ":\n" + r.output());
            String name = Path.of(f).getFileName().toString().replace(".java", ".class");
            assertTrue(Files.isRegularFile(work.resolve("classes").resolve(PACKAGE_DIR).resolve(Path.of(f).getParent()).resolve(name)),
                    "javac compiled " + f + ":\n" + r.output());
            // Autogenerate is deterministic: the demo writes what regenerate.sh checked in.
            assertEquals(Files.readString(CHECKED_IN.resolve(PACKAGE_DIR).resolve(f)), Files.readString(src.resolve(f)), f);
        }
        assertTrue(r.output().contains("compiled with javac"), r.output());
        assertTrue(r.output().contains("upgrade contract"), "the generated contract ran:\n" + r.output());
    }

    /**
     * The revision ids the READMEs quote (the walkthrough's {@code upgrade e3aaf3dab72e}, the demo's
     * output) are the checked-in migrations' ids: a change in what autogenerate writes changes the
     * ids, and the walkthrough must then be run again.
     */
    @Test
    void theReadmesQuoteTheCheckedInRevisionIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("\\bid = \"([0-9a-f]{12})\"").matcher(String.join("\n", files(CHECKED_IN).values()));
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(5, ids.size(), "revision ids of the checked-in migrations: " + ids);
        for (Path readme : List.of(SAMPLE.resolve("README.md"), SAMPLE.resolve(Path.of("..", "..", "README.md")).normalize())) {
            Set<String> quoted = new TreeSet<>();
            Matcher q = Pattern.compile("\\b[0-9a-f]{12}\\b").matcher(Files.readString(readme));
            while (q.find()) {
                quoted.add(q.group());
            }
            assertTrue(!quoted.isEmpty(), readme + " quotes revision ids");
            quoted.removeAll(ids);
            assertEquals(Set.of(), quoted, readme + " quotes ids no checked-in migration has");
        }
    }

    /**
     * {@code regenerate.sh} from an empty database of each kind: every step's migrations compile and
     * apply, and at the end {@code diff} finds nothing (the script fails otherwise). On H2, the
     * default, it writes exactly the checked-in files.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void regenerateWritesMigrationsThatApplyAndLeaveNoDifference(DbKind kind, @TempDir Path out) throws Exception {
        Map<String, String> env = Map.of();
        FreshDatabase db = null;
        if (kind != DbKind.H2) {
            db = FreshDatabase.create(kind);
            env = Map.of("REGEN_URL", db.url(), "REGEN_USER", db.user(), "CONCERTINA_PASSWORD", db.password());
        }
        try {
            // On H2 the script's own check mode proves the checked-in files are what it writes.
            Run r = kind == DbKind.H2 ? run(env, "./regenerate.sh", "--check", out.toString()) : run(env, "./regenerate.sh", out.toString());
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("the database at head matches the v3 entities"), r.output());
            Map<String, String> written = files(out);
            assertEquals(5, written.size(), "expand E0001..E0003, contract C0001..C0002: " + written.keySet());
            if (kind == DbKind.H2) {
                assertTrue(r.output().contains("the checked-in migrations are byte for byte what revision --autogenerate writes"),
                        r.output());
                assertEquals(files(CHECKED_IN), written, "the checked-in migrations are what regenerate.sh writes");
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }
}
