package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens on a terminal (a scripted one here): the password prompt and the downgrade
 * confirmation. The database is an in-memory H2 one whose user has a password.
 */
class TerminalTest {

    private static final String MIGRATIONS = Path.of("target", "test-classes").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private String url;
    private Connection keepAlive;

    @BeforeEach
    void database() throws Exception {
        url = "jdbc:h2:mem:terminal" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url, "owner", "s3cret");
    }

    @AfterEach
    void drop() throws Exception {
        keepAlive.createStatement().execute("SHUTDOWN");
    }

    /** A terminal that answers from a script and records the prompts. */
    static final class Scripted implements Terminal {
        final Deque<String> answers;
        final List<String> prompts = new ArrayList<>();

        Scripted(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        }

        @Override
        public Optional<String> readLine(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answers.poll());
        }
    }

    record Run(int exit, String out, String err) {}

    private Run run(Terminal terminal, Map<String, String> env, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--url", url, "--user", "owner", "--classpath", MIGRATIONS, "--package", "dev.concertina.cli.fixture"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new Io(new PrintWriter(out), new PrintWriter(err), env, dir, terminal));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void asksForThePasswordWhenTheServerWantsOne() {
        Scripted t = new Scripted("s3cret");
        Run r = run(t, Map.of(), "sync");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("upgrade expand c11e01 (create thing)"), r.out());
        assertEquals(List.of("Password for owner at " + url + ": "), t.prompts);
    }

    @Test
    void theEnvironmentPasswordIsUsedWithoutAsking() {
        Scripted t = new Scripted();
        Run r = run(t, Map.of("CONCERTINA_PASSWORD", "s3cret"), "version");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), t.prompts);
    }

    @Test
    void aWrongTypedPasswordIsOneLineError() {
        Run r = run(new Scripted("guess"), Map.of(), "version");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("concertina: error: cannot connect to jdbc:h2:mem:terminal"), r.err());
        assertTrue(r.err().contains("owner"), r.err());
    }

    @Test
    void passwordPromptUpFront() {
        Scripted t = new Scripted("s3cret");
        Run r = run(t, Map.of(), "-W", "version");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, t.prompts.size());
    }

    @Test
    void downgradeAsksAndOnlyYesProceeds() {
        Map<String, String> env = Map.of("CONCERTINA_PASSWORD", "s3cret");
        assertEquals(0, run(new Scripted(), env, "sync").exit());

        Scripted no = new Scripted("n");
        Run refused = run(no, env, "downgrade", "base");
        assertEquals(1, refused.exit());
        assertTrue(no.prompts.get(0).contains("undoes 1 revision (expand c11e01 (create thing)): data in the tables and columns they created may be lost"),
                no.prompts.toString());
        assertTrue(refused.err().contains("not confirmed; nothing changed"), refused.err());
        assertTrue(run(new Scripted(), env, "version").out().contains("c11e01"), "still applied");

        Run done = run(new Scripted("yes"), env, "downgrade", "base");
        assertEquals(0, done.exit(), done.err());
        assertTrue(done.out().contains("downgrade expand c11e01"), done.out());
        assertTrue(run(new Scripted(), env, "version").out().contains("base"));
    }
}
