package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}'s own exit codes that need no entities: a changed applied revision is 7, not a warning alone. */
class CheckExitCodesTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String pkg, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", "jdbc:h2:" + dir.resolve("db").toAbsolutePath(),
                "--migrations-classpath", Path.of("target", "test-classes").toAbsolutePath().toString(),
                "--migrations-package", pkg}, 0, all, args.length, 6);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all, new Io(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, Terminal.none()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aChangedAppliedRevisionFailsCheckWithSeven() {
        assertEquals(2, run("dev.concertina.cli.fixture.expand", "check").exit());
        assertEquals(0, run("dev.concertina.cli.fixture.expand", "sync").exit());
        assertEquals(0, run("dev.concertina.cli.fixture.expand", "check").exit());

        Run changed = run("dev.concertina.cli.changedfixture.expand", "check");
        assertEquals(7, changed.exit(), changed.out() + changed.err());
        assertTrue(changed.out().contains("changed since applied: c11e01 (restore the applied code, or accept it:"
                + " concertina repair --accept-checksums REV)"), changed.out());
        assertEquals(1, changed.err().lines().filter(l -> l.contains("has changed since it was applied")).count(),
                "the runtime's warning, once: " + changed.err());
    }
}
