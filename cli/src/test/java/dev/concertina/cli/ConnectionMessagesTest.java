package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads when a connection fails: never a password (in any of the forms a JDBC URL
 * carries one, with and without {@code -v}), an unknown host named as such, a refused login
 * without a password saying how to give one; and {@code jdbc:mysql:} URLs work.
 */
class ConnectionMessagesTest {

    private static final String SECRET = "Zq7secretPW";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--migrations-classpath", Path.of("target", "test-classes").toAbsolutePath().toString(),
                "--migrations-package", "dev.concertina.cli.fixture"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new Io(new PrintWriter(out), new PrintWriter(err), env, dir, Terminal.none()));
        return new Run(code, out.toString(), err.toString());
    }

    /** Nothing listens on port 1: each URL fails to connect, and its password must not be printed. */
    private void neverPrinted(String url) throws Exception {
        for (List<String> command : List.of(List.of("version"), List.of("diff", "--classpath", dir.toString(), "--package", "p"))) {
            List<String> args = new ArrayList<>(List.of("-v", "--url", url));
            args.addAll(command);
            Run r = run(Map.of(), args.toArray(String[]::new));
            assertEquals(1, r.exit(), r.all());
            assertFalse(r.all().contains(SECRET), url + "\n" + r.all());
            assertTrue(r.err().contains("***"), r.all());
        }
    }

    @Test
    void passwordInTheAuthority() throws Exception {
        neverPrinted("jdbc:mariadb://shop:" + SECRET + "@127.0.0.1:1/shop");
    }

    @Test
    void passwordAsTheFirstQueryParameter() throws Exception {
        neverPrinted("jdbc:postgresql://127.0.0.1:1/shop?password=" + SECRET);
    }

    @Test
    void passwordAsALaterQueryParameter() throws Exception {
        neverPrinted("jdbc:postgresql://127.0.0.1:1/shop?user=shop&password=" + SECRET + "&ssl=false");
    }

    @Test
    void passwordAfterASemicolon() throws Exception {
        // H2 takes it in the URL; the database opens, so the -v dump is what could show it.
        Run r = run(Map.of(), "-v", "version", "--url", "jdbc:h2:mem:pw;PASSWORD=" + SECRET);
        assertFalse(r.all().contains(SECRET), r.all());
        assertTrue(r.out().contains("url: jdbc:h2:mem:pw;PASSWORD=***"), r.all());
    }

    @Test
    void passwordInAUrlTheDriverEchoes() throws Exception {
        // pgjdbc cannot parse it and says so with the whole URL.
        Run r = run(Map.of(), "-v", "version", "--url", "jdbc:postgresql://shop:" + SECRET + "@127.0.0.1:port/shop");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Unable to parse URL jdbc:postgresql://shop:***@127.0.0.1:port/shop"), r.err());
        assertFalse(r.all().contains(SECRET), r.all());
    }

    @Test
    void passwordInAUrlNoDriverTakes() throws Exception {
        // The driver takes only a lower-case scheme: "No suitable driver found for <url>".
        Run r = run(Map.of(), "-v", "version", "--url", "JDBC:MARIADB://127.0.0.1:1/shop?password=" + SECRET);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("No suitable driver found for JDBC:MARIADB://127.0.0.1:1/shop?password=***"), r.err());
        assertFalse(r.all().contains(SECRET), r.all());
    }

    @Test
    void anUnknownHostIsNamed() throws Exception {
        for (String url : List.of("jdbc:postgresql://no-such-host.invalid/shop", "jdbc:mariadb://no-such-host.invalid/shop")) {
            Run r = run(Map.of(), "version", "--url", url, "--user", "shop");
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("unknown host no-such-host.invalid (check the host name in the URL)"), r.err());
        }
    }

    @Test
    void aRefusedLoginWithoutPasswordSaysHowToGiveOne() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB)) {
            String user = "c_pw_" + UUID.randomUUID().toString().substring(0, 8);
            db.execute("create user '" + user + "'@'%' identified by 'right-one'",
                    "grant all on `" + db.name() + "`.* to '" + user + "'@'%'");
            try {
                Run without = run(Map.of(), "version", "--url", db.url(), "--user", user);
                assertEquals(1, without.exit());
                assertTrue(without.err().contains("(no password was given); give the password in the environment variable"
                        + " CONCERTINA_PASSWORD, or -W to be asked for it on the terminal"), without.err());
                Run wrong = run(Map.of("CONCERTINA_PASSWORD", "wrong-one"), "version", "--url", db.url(), "--user", user);
                assertEquals(1, wrong.exit());
                assertFalse(wrong.err().contains("CONCERTINA_PASSWORD"), "a password was given: " + wrong.err());
                Run right = run(Map.of("CONCERTINA_PASSWORD", "right-one"), "version_control", "--url", db.url(), "--user", user);
                assertEquals(0, right.exit(), right.all());
            } finally {
                db.execute("drop user '" + user + "'@'%'");
            }
        }
    }

    @Test
    void mysqlUrlsReachTheMariaDbServer() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.MARIADB)) {
            String url = db.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            Map<String, String> env = Map.of("CONCERTINA_PASSWORD", db.password());
            Run vc = run(env, "version_control", "--url", url, "--user", db.user());
            assertEquals(0, vc.exit(), vc.all());
            Run version = run(env, "version", "--url", url, "--user", db.user());
            assertEquals(0, version.exit(), version.all());
            assertFalse(version.all().contains("permitMysqlScheme"), "the URL is shown as given: " + version.all());
            Run inspect = run(env, "inspect", "--url", url, "--user", db.user());
            assertEquals(0, inspect.exit(), inspect.all());
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 var rs = c.createStatement().executeQuery("select count(*) from information_schema.tables"
                         + " where table_schema = database() and table_name like 'concertina%'")) {
                assertTrue(rs.next() && rs.getInt(1) > 0, "version_control made the version tables");
            }
        }
    }
}
