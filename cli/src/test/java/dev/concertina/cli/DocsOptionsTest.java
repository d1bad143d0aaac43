package dev.concertina.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The docs name only options that exist: every {@code --option} in docs/*.md is in the
 * {@code --help} of some command, and on a line that runs {@code concertina <command>}, in that
 * command's {@code --help}.
 */
class DocsOptionsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*[a-z0-9]");
    private static final Pattern COMMAND = Pattern.compile("\\bconcertina\\s+(?:-\\S+\\s+)*([a-z_-]+)");
    /** Options of other tools the docs quote (javac's, in docs/runtime.md). */
    private static final Set<String> OTHER_TOOLS = Set.of("--release");

    /** Each command's options, read from its --help, with the global ones. */
    private static Map<String, Set<String>> helpOptions() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), Path.of(""), Terminal.none());
        CommandLine cl = Concertina.commandLine(new Concertina(io), List.of());
        Map<String, Set<String>> out = new TreeMap<>();
        out.put("concertina", options(cl.getUsageMessage()));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            out.put(e.getKey(), options(e.getValue().getUsageMessage()));
        }
        return out;
    }

    private static Set<String> options(String help) {
        Set<String> found = new TreeSet<>();
        Matcher m = OPTION.matcher(help);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyOptionInTheDocsIsInACommandsHelp() throws IOException {
        Map<String, Set<String>> help = helpOptions();
        Set<String> all = new TreeSet<>();
        help.values().forEach(all::addAll);
        List<String> wrong = new ArrayList<>();
        List<Path> docs;
        try (Stream<Path> files = Files.list(DOCS)) {
            docs = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(docs.size() > 5, "docs found at " + DOCS.toAbsolutePath());
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher cmd = COMMAND.matcher(line);
                String command = cmd.find() && help.containsKey(cmd.group(1)) ? cmd.group(1) : null;
                Matcher m = OPTION.matcher(line);
                while (m.find()) {
                    String option = m.group();
                    if (OTHER_TOOLS.contains(option)) {
                        continue;
                    }
                    boolean known = command != null ? help.get(command).contains(option) : all.contains(option);
                    if (!known) {
                        wrong.add(doc.getFileName() + ":" + (i + 1) + ": " + option
                                + (command != null ? " is not an option of concertina " + command : " is no command's option"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCheckIsNotEmpty() {
        Map<String, Set<String>> help = helpOptions();
        assertTrue(help.get("diff").contains("--rename") && help.get("diff").contains("--url"), help.get("diff").toString());
        assertTrue(!help.get("sync").contains("--rename"), "sync has no --rename: " + help.get("sync"));
    }
}
