package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values read from the version table never reach the terminal raw: an ESC sequence is shown escaped. */
class TerminalSafetyTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private String url() {
        return "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
    }

    private Run run(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", url(), "--migrations-classpath",
                Path.of("target", "test-classes").toAbsolutePath().toString(), "--migrations-package", "dev.concertina.cli.fixture.expand"},
                0, all, args.length, 6);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all, new Io(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, Terminal.none()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anEscapeSequenceInTheVersionTableIsShownEscaped() throws Exception {
        assertEquals(0, run("version_control").exit());
        try (Connection c = DriverManager.getConnection(url(), "", "")) {
            c.createStatement().execute("insert into \"CONCERTINA_VERSION\" values ('expand', 'e1' || char(27) || ']0;pwned' || char(7),"
                    + " current_timestamp)");
        }
        for (String command : new String[] {"version", "check", "history"}) {
            Run r = run(command);
            String all = r.out() + r.err();
            assertFalse(all.contains("\u001b") || all.contains("\u0007"), command + " printed a raw control character: " + all);
            if (!command.equals("history")) {
                assertTrue(all.contains("e1\\x1b]0;pwned\\x07"), command + ": " + all);
            }
        }
    }
}
