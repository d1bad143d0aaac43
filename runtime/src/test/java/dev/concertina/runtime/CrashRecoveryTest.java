package dev.concertina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concertina.runtime.internal.CatalogFingerprint;
import dev.concertina.runtime.internal.TestPause;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Issue 16: a {@code kill -9} at any step boundary of a generated revision with a backfill is
 * recovered by running {@code sync} again. A child JVM runs sync and is killed (SIGKILL) at each
 * boundary in turn: after each step of the expand and of the contract has run but before it is
 * recorded, and between two batches of the backfill. Each next child is a plain sync that resumes
 * the crashed run (and is killed at the next boundary); a last sync finishes, and the schema and
 * rows then match a database migrated without a crash. H2 runs as a file database, as it would in
 * production.
 */
class CrashRecoveryTest {

    static final String FIXTURES = "dev.concertina.runtime.fixtures.crash";

    /** Every boundary of c200 (add column, sync trigger, backfill, index) and c300 (four steps). */
    static final List<String> BOUNDARIES = List.of("c200 step 1", "c200 step 2", "backfill batch 1", "c200 step 3",
            "c200 step 4", "c300 step 1", "c300 step 2", "c300 step 3", "c300 step 4");

    /**
     * The three databases run side by side (most of the time is child JVMs starting), each with
     * its own chain of kills.
     */
    @Test
    void syncFinishesRevisionsKilledAtEveryStepBoundary() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DbKind.values().length);
        try {
            Map<DbKind, Future<?>> runs = new EnumMap<>(DbKind.class);
            for (DbKind kind : DbKind.values()) {
                runs.put(kind, pool.submit(() -> {
                    killEveryBoundaryThenSync(kind);
                    return null;
                }));
            }
            List<DbKind> skipped = new ArrayList<>();
            for (Map.Entry<DbKind, Future<?>> run : runs.entrySet()) {
                try {
                    run.getValue().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TestAbortedException) {
                        skipped.add(run.getKey());
                    } else if (e.getCause() instanceof Error err) {
                        throw new AssertionError(run.getKey() + ": " + err.getMessage(), err);
                    } else {
                        throw new AssertionError(run.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
            Assumptions.assumeTrue(skipped.isEmpty(), "no server for " + skipped);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void killEveryBoundaryThenSync(DbKind kind) throws Exception {
        Path dir = Files.createTempDirectory("concertina-crash");
        try (FreshDatabase fresh = FreshDatabase.create(kind); FreshDatabase reference = FreshDatabase.create(kind)) {
            String url = kind == DbKind.H2 ? "jdbc:h2:file:" + dir.resolve("crash") : fresh.url();
            MigratorConfig.Builder config = MigratorConfig.builder().url(url).user(fresh.user()).password(fresh.password())
                    .appliedBy("tester").lockTimeout(Duration.ofSeconds(30))
                    .migrations(CrashRecoveryTest.class.getClassLoader(), FIXTURES);
            try (Migrator m = Migrator.open(config.build())) {
                m.upgrade("c100");
            }
            for (String boundary : BOUNDARIES) {
                killAt(boundary, url, fresh.user(), fresh.password());
            }
            try (Migrator m = Migrator.open(config.build())) {
                List<AppliedRevision> finished = m.sync(SyncScope.ALL);
                assertEquals(List.of("c300"), finished.stream().map(AppliedRevision::revision).toList(),
                        "the last child was killed inside c300; this sync finishes it");
                assertEquals(CheckResult.UP_TO_DATE, m.check());
                assertTrue(m.status().failedAttempt().isEmpty());
            }
            try (Migrator m = Migrator.open(MigratorConfig.builder().url(reference.url()).user(reference.user())
                    .password(reference.password()).appliedBy("tester")
                    .migrations(CrashRecoveryTest.class.getClassLoader(), FIXTURES).build())) {
                m.sync(SyncScope.ALL);
            }
            Dialect dialect = Dialect.fromUrl(url);
            try (Connection crashed = DriverManager.getConnection(url, fresh.user(), fresh.password());
                 Connection clean = reference.connect()) {
                assertEquals(CatalogFingerprint.of(clean, dialect), CatalogFingerprint.of(crashed, dialect),
                        "the schema after the crashes is the schema without them");
                assertEquals(rows(clean, dialect), rows(crashed, dialect));
                assertEquals(0, count(crashed, dialect.foldUnquoted("concertina_step")), "no step left recorded");
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Starts a child sync that pauses at {@code boundary}, then kills it with SIGKILL. */
    private static void killAt(String boundary, String url, String user, String password) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-D" + TestPause.PROPERTY + "=" + boundary,
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), url, user, password)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> said = new ArrayList<>();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    if (line.equals(TestPause.MARKER + boundary)) {
                        return true;
                    }
                    said.add(line);
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!paused.get(90, TimeUnit.SECONDS)) {
                fail("the child never reached " + boundary + " (exit " + child.waitFor() + "): " + said);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no connection closed cleanly
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> rows(Connection c, Dialect dialect) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quoted(dialect, "person")
                + " ORDER BY 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getObject(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        assertEquals(C100CreatePersonRows.ROWS, rows.size());
        return rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        Dialect dialect = Dialect.fromUrl(c.getMetaData().getURL());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted(dialect, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quoted(Dialect dialect, String lower) {
        return org.jooq.impl.DSL.using(dialect.jooq()).render(org.jooq.impl.DSL.name(dialect.foldUnquoted(lower)));
    }

    /** The fixture's row count, named here so the assertion reads. */
    private static final class C100CreatePersonRows {
        static final int ROWS = dev.concertina.runtime.fixtures.crash.C100CreatePerson.ROWS;
    }
}
