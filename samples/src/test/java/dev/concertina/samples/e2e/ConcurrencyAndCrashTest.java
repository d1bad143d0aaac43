package dev.concertina.samples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concertina.testdb.DbKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration lock and crash safety, with real processes. */
class ConcurrencyAndCrashTest {

    private static final String BLOCKING_PACKAGE = "dev.concertina.samples.e2e.blocking";

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eightProcessesSyncingAtOnceApplyEachMigrationOnce(DbKind kind) throws Exception {
        try (TestDb db = TestDb.create(kind)) {
            Cli cli = Cli.in(Cli.BOOKSHOP);
            List<CompletableFuture<Cli.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> cli.run("sync", "--url", db.url(), "--user", db.user(), "--lock-timeout", "100s")));
            }
            int ranSomething = 0;
            for (CompletableFuture<Cli.Result> run : runs) {
                Cli.Result r = run.join().ok();
                if (!r.out().contains("nothing to do")) {
                    ranSomething++;
                }
            }
            assertTrue(ranSomething >= 1, "one process applied the migrations");
            assertEquals(List.of("1f3a5c|1", "4b7d9e|1", "8c2e6a|1", "a6e0b4|1", "d9f1c3|1"),
                    db.query("select revision, count(*) from concertina_history where direction = 'upgrade' and outcome = 'succeeded'"
                            + " group by revision order by revision"));
            assertEquals(List.of("5"), db.query("select count(*) from concertina_history"), "no other attempt was recorded");
            cli.run("check", "--url", db.url(), "--user", db.user()).ok();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aProcessKilledInTheMiddleOfAMigrationLeavesARecoverableDatabase(DbKind kind) throws Exception {
        try (TestDb db = TestDb.create(kind)) {
            Path marker = work.resolve("half_a.created");
            Cli cli = Cli.in(work);
            String[] sync = {"sync", "--url", db.url(), "--user", db.user(), "--migrations-classpath", Cli.TEST_CLASSES.toString(),
                    "--migrations-package", BLOCKING_PACKAGE, "--lock-timeout", "60s"};

            Process victim = Cli.in(work).env("CONCERTINA_E2E_BLOCK", marker.toString()).start(sync);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(marker)) {
                if (!victim.isAlive()) {
                    fail("the blocking sync ended early (exit " + victim.exitValue() + "): "
                            + new String(victim.getErrorStream().readAllBytes()) + new String(victim.getInputStream().readAllBytes()));
                }
                if (System.nanoTime() > deadline) {
                    victim.destroyForcibly();
                    fail("the blocking migration never started");
                }
                Thread.sleep(50);
            }
            // Meanwhile the lock is held: another run says it waits, then gives up with one line.
            String[] impatient = sync.clone();
            impatient[impatient.length - 1] = "2s";
            cli.run(impatient).error("lock").outContains("waiting for the migration lock");

            victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback by the JVM
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));

            // The revision was never recorded as applied.
            assertEquals(List.of(), db.query("select revision from concertina_history where revision = 'b10c02' and outcome = 'succeeded'"));

            Cli.Result next = cli.run(sync);
            System.out.println(kind.label() + ": the sync after SIGKILL " + (next.exit() == 0 ? "completed" : "refused: " + next.err().strip()));
            if (next.exit() != 0) {
                // A migration without transactional DDL (MariaDB): refused, with the way out.
                next.error("b10c02", "repair");
                cli.run("repair", "--url", db.url(), "--user", db.user(), "--migrations-classpath", Cli.TEST_CLASSES.toString(),
                        "--migrations-package", BLOCKING_PACKAGE).ok().outContains("b10c02");
                cli.run(sync).ok().outContains("b10c02");
            } else {
                next.outContains("b10c02");
            }
            assertTrue(db.tables().containsAll(List.of("first", "half_a", "half_b")), () -> "tables: " + db.tables());
            assertEquals(List.of("b10c01|1", "b10c02|1"),
                    db.query("select revision, count(*) from concertina_history where direction = 'upgrade' and outcome = 'succeeded'"
                            + " group by revision order by revision"));
            cli.run("check", "--url", db.url(), "--user", db.user(), "--migrations-classpath", Cli.TEST_CLASSES.toString(),
                    "--migrations-package", BLOCKING_PACKAGE).ok();
        }
    }
}
