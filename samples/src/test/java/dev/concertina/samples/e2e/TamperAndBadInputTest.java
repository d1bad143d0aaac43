package dev.concertina.samples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A changed applied migration, code older than the database, and the one-line errors of bad input. */
class TamperAndBadInputTest {

    private static final Path ADD_BOOK_ISBN = Cli.BOOKSHOP.resolve(
            "src/main/java/dev/concertina/samples/bookshop/migrations/expand/AddBookIsbn.java");

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aChangedAppliedMigrationIsReportedByCheckAndSync(DbKind kind) throws Exception {
        try (TestDb db = TestDb.create(kind)) {
            Cli cli = Cli.in(Cli.BOOKSHOP);
            cli.run("sync", "--url", db.url(), "--user", db.user()).ok();

            // The same revision, edited after it was applied: isbn is now 20 characters wide.
            String source = Files.readString(ADD_BOOK_ISBN);
            String edited = source.replace("VARCHAR(17)", "VARCHAR(20)");
            assertTrue(!edited.equals(source), "the sample's AddBookIsbn declares VARCHAR(17)");
            Path src = work.resolve("src/AddBookIsbn.java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, edited);
            Path classes = work.resolve("tampered");
            Files.createDirectories(classes);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    src.toString());
            assertEquals(0, rc, "javac of the edited migration");

            // The tampered class comes first on the class path, so it shadows the original.
            String classpath = classes + File.pathSeparator + Cli.BOOKSHOP_CLASSES;
            cli.run("check", "--url", db.url(), "--user", db.user(), "--migrations-classpath", classpath).errContains("4b7d9e", "changed");
            cli.run("sync", "--url", db.url(), "--user", db.user(), "--migrations-classpath", classpath).errContains("4b7d9e", "changed");
            // Code that does not know the database's revisions (an older release, here another
            // migration set): check exits 5.
            cli.run("check", "--url", db.url(), "--user", db.user(), "--migrations-classpath", Cli.TEST_CLASSES.toString(),
                    "--migrations-package", "dev.concertina.samples.e2e.blocking").expect(5).outContains("does not know", "a6e0b4");
            // The original code is quiet again.
            Cli.Result clean = cli.run("check", "--url", db.url(), "--user", db.user()).ok();
            assertTrue(clean.err().isEmpty(), clean.err());
        }
    }

    @Test
    void wrongPasswordOnH2IsOneLine() throws Exception {
        try (TestDb db = TestDb.create(DbKind.H2)) {
            // A user with a password; the command is given another one.
            db.execute("create user owner password 'right-password' admin");
            Cli cli = Cli.in(Cli.BOOKSHOP).env("CONCERTINA_PASSWORD", "wrong-password");
            cli.run("version", "--url", db.url(), "--user", "owner").error("owner");
            Cli.in(Cli.BOOKSHOP).env("CONCERTINA_PASSWORD", "right-password")
                    .run("version", "--url", db.url(), "--user", "owner").ok();
        }
    }

    @Test
    void wrongPasswordOnMariaDbIsOneLine() throws Exception {
        try (TestDb db = TestDb.create(DbKind.MARIADB)) {
            String user = "cc_pw_" + Long.toString(System.nanoTime(), 36);
            db.execute("create user '" + user + "'@'%' identified by 'right-password'",
                    "create user '" + user + "'@'localhost' identified by 'right-password'",
                    "grant all on `" + db.query("select database()").get(0) + "`.* to '" + user + "'@'%'",
                    "grant all on `" + db.query("select database()").get(0) + "`.* to '" + user + "'@'localhost'");
            try {
                Cli.in(Cli.BOOKSHOP).env("CONCERTINA_PASSWORD", "wrong-password")
                        .run("version", "--url", db.url(), "--user", user).error(user);
                Cli.in(Cli.BOOKSHOP).env("CONCERTINA_PASSWORD", "right-password")
                        .run("version", "--url", db.url(), "--user", user).ok();
            } finally {
                db.execute("drop user '" + user + "'@'%'", "drop user '" + user + "'@'localhost'");
            }
        }
    }

    /** This machine's PostgreSQL trusts 127.0.0.1, so no password can be wrong there; an unknown role is the same failure class. */
    @Test
    void unknownRoleOnPostgresIsOneLine() throws Exception {
        try (TestDb db = TestDb.create(DbKind.POSTGRES)) {
            Cli.in(Cli.BOOKSHOP).env("CONCERTINA_PASSWORD", "whatever")
                    .run("version", "--url", db.url(), "--user", "no_such_role_cc").error("no_such_role_cc");
        }
    }

    @Test
    void unreachableHostIsOneLineNamingIt() {
        Cli cli = Cli.in(Cli.BOOKSHOP);
        // Port 1 on the loopback: nothing listens, the connection is refused at once.
        cli.run("version", "--url", "jdbc:postgresql://127.0.0.1:1/shop").error("127.0.0.1:1");
        cli.run("version", "--url", "jdbc:mariadb://127.0.0.1:1/shop").error("127.0.0.1");
        cli.run("version", "--url", "jdbc:oracle:thin:@x:1521/y").error("jdbc:oracle");
    }

    @Test
    void malformedPropertiesFileIsOneLineNamingFileAndLine() throws Exception {
        Files.writeString(work.resolve("concertina.properties"), String.join("\n",
                "# settings",
                "migrations.package = com.example",
                "url jdbc:h2:./x",
                ""), StandardCharsets.UTF_8);
        Cli cli = Cli.in(work);
        cli.run("version").error("concertina.properties:3", "key = value");

        Files.writeString(work.resolve("other.properties"), "urll = jdbc:h2:./x\n", StandardCharsets.UTF_8);
        cli.run("--config", "other.properties", "version").error("other.properties:1", "urll", "did you mean 'url'");
        cli.run("version", "--config", "missing.properties").error("missing.properties", "does not exist");
    }

    @Test
    void missingUrlAndUnknownOptionsAreOneLine() {
        Cli cli = Cli.in(Cli.BOOKSHOP);
        // (More combinations run in-process in the cli module's CommandLineTest.)
        cli.run("sync").error("--url");
        cli.run("synk", "--url", "jdbc:h2:mem:x").error("synk", "sync");
    }

    @Test
    void downgradeOffATerminalNeedsYesBeforeTouchingTheDatabase() {
        // The refusal comes first: the host does not even have to exist.
        Cli.in(Cli.BOOKSHOP).run("downgrade", "base", "--url", "jdbc:postgresql://127.0.0.1:1/shop").error("--yes", "terminal");
    }

    @Test
    void helpExplainsTheCommands() {
        Cli cli = Cli.in(Cli.BOOKSHOP);
        // Every subcommand's help is checked in-process (cli's CommandLineTest); here, the real jar.
        Cli.Result top = cli.run("--help").ok();
        for (String sub : List.of("sync", "upgrade", "downgrade", "goto", "version", "version_control", "history", "check", "repair")) {
            top.outContains(sub);
        }
        cli.run("downgrade", "--help").ok().outContains("Usage: concertina downgrade", "--yes", "Examples:", "data may be lost");
        cli.run("version-control", "--help").ok().outContains("version_control");
        assertTrue(cli.run("--version").ok().out().toLowerCase(Locale.ROOT).startsWith("concertina"));
    }
}
