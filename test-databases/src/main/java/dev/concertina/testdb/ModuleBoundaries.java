package dev.concertina.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a module's main sources and fails when one imports a package the module must not use
 * (docs/architecture.md, "Modules": dependencies run one way along the pipeline).
 */
public final class ModuleBoundaries {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile(
            "\\b((?:dev\\.concertina|org\\.hibernate|schemacrawler|us\\.fatehi|com\\.palantir|picocli|org\\.jooq|jakarta\\.persistence)\\.[\\w.]+)");

    private ModuleBoundaries() {}

    /**
     * Fails listing every file and import under {@code src/main/java} (relative to the module's
     * working directory) that starts with one of {@code forbiddenPrefixes}.
     */
    public static void assertNoImports(String... forbiddenPrefixes) {
        Path root = Path.of("src", "main", "java");
        List<String> violations = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            throw new AssertionError("no main sources at " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                List<String> used = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher q = QUALIFIED_USE.matcher(text);
                while (q.find()) {
                    used.add(q.group(1));
                }
                for (String name : used) {
                    for (String forbidden : forbiddenPrefixes) {
                        if (name.equals(forbidden) || name.startsWith(forbidden + ".")) {
                            violations.add(root.relativize(file) + " uses " + name + " (forbidden: " + forbidden + ")");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("module boundary violated:\n  "
                    + String.join("\n  ", violations.stream().distinct().toList()));
        }
    }
}
