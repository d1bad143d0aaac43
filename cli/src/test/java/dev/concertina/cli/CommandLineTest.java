package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line in-process: parsing, help, and the errors that need no database. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        String errorLine() {
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), err);
            assertTrue(lines.get(0).startsWith("concertina: error: "), err);
            return lines.get(0);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Io(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, Terminal.none()));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandAndOptionIsExplainedWithAnExample() {
        CommandLine cl = Concertina.commandLine(new Concertina(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), dir, Terminal.none())), List.of());
        List<String> names = List.of("sync", "upgrade", "downgrade", "goto", "version", "version_control", "history", "check", "repair");
        assertEquals(names.size() + 1, cl.getSubcommands().size(), "plus the version-control alias: " + cl.getSubcommands().keySet());
        for (String name : names) {
            CommandSpec spec = cl.getSubcommands().get(name).getCommandSpec();
            String usage = cl.getSubcommands().get(name).getUsageMessage();
            assertTrue(usage.contains("Examples:"), name + " has examples:\n" + usage);
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                assertTrue(String.join(" ", o.description()).contains("e.g."), name + " " + o.longestName() + " has an example");
            }
            // The global options are inherited by every command.
            assertTrue(spec.findOption("--url") != null && spec.findOption("--lock-timeout") != null, name);
        }
        assertTrue(run("--help").out().contains("Examples:"));
        assertEquals(0, run("sync", "--help").exit());
    }

    @Test
    void globalOptionsAreReadAfterTheCommandToo() {
        // The class path reached the settings: the error names it.
        Run after = run("version", "--url", "jdbc:h2:mem:x", "--package", "p", "--classpath", "missing-dir");
        assertEquals(1, after.exit());
        assertTrue(after.errorLine().contains("missing-dir (from --classpath) does not exist"), after.err());
        Run before = run("--url", "jdbc:h2:mem:x", "--classpath", "missing-dir", "--package", "p", "version");
        assertEquals(after.err(), before.err());
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndOptionValuesAreNotTakenForIt() {
        Concertina root = new Concertina(new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), dir, Terminal.none()));
        assertEquals(List.of("version"), List.copyOf(Concertina.commandLine(root, List.of("--package", "sync", "version", "--url", "check")).getSubcommands().keySet()));
        assertEquals(List.of("version_control", "version-control"),
                List.copyOf(Concertina.commandLine(root, List.of("-q", "version-control")).getSubcommands().keySet()));
        assertEquals(10, Concertina.commandLine(root, List.of("--help")).getSubcommands().size());
        assertEquals(10, Concertina.commandLine(root, List.of("synk")).getSubcommands().size());
        // The chosen command still sees the global options, before and after it.
        Run r = run("--package", "sync", "version", "--url", "jdbc:h2:mem:x", "--classpath", "missing-dir");
        assertTrue(r.errorLine().contains("missing-dir (from --classpath) does not exist"), r.err());
    }

    @Test
    void configurationErrorsAreOneLine() throws Exception {
        assertTrue(run("sync").errorLine().contains("no database URL: give --url"));
        assertTrue(run("sync", "--url", "jdbc:h2:mem:x").errorLine().contains("no migrations package"));
        Files.writeString(dir.resolve("concertina.properties"), "url = jdbc:h2:mem:x\nbogus line\n");
        assertTrue(run("check").errorLine().contains("concertina.properties:2: expected 'key = value'"));
        assertTrue(run("check", "--lock-timeout", "soon").errorLine().contains("concertina.properties:2"), "the file is read first");
    }

    @Test
    void usageErrorsExitOneNotTwo() {
        // picocli's default for usage errors is 2, which is check's "expand pending".
        Run unknown = run("sync", "--frobnicate");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.errorLine().contains("Unknown option: '--frobnicate'; see 'concertina sync --help'"), unknown.err());
        assertTrue(run("synk").errorLine().contains("did you mean sync?"));
        assertTrue(run().errorLine().contains("missing command"));
        assertTrue(run("upgrade").errorLine().contains("TARGET"));
        assertTrue(run("sync", "--expand", "--contract").errorLine().contains("--expand and --contract exclude each other"));
    }

    @Test
    void downgradeOffATerminalWantsYes() {
        Run r = run("downgrade", "base", "--url", "jdbc:h2:mem:x");
        assertEquals(1, r.exit());
        assertTrue(r.errorLine().contains("data in the tables and columns they created may be lost; stdin is not a terminal, so add --yes"), r.err());
    }

    @Test
    void passwordIsNeverAnOption() {
        Run r = run("version", "--password", "secret");
        assertEquals(1, r.exit());
        assertTrue(r.errorLine().contains("Unknown option"), r.err());
    }
}
