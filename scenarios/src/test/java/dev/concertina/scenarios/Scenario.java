package dev.concertina.scenarios;

import dev.concertina.testdb.DbKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One directory of the corpus, {@code src/test/resources/scenarios/<name>/}:
 * <ul>
 *   <li>{@code v1/*.java}, {@code v2/*.java}: the entity model before and after (package {@code scn});</li>
 *   <li>{@code hints} (optional): a rules file whose {@code [hints]} section the planner gets and whose
 *       {@code [policy]} section the differ gets;</li>
 *   <li>{@code seed} (optional): rows inserted into the v1 tables before migrating;</li>
 *   <li>{@code during-expand} (optional): rows old code writes (v1 columns only) between expand and contract;</li>
 *   <li>{@code expect} (optional): rows that must be there after expand + contract;</li>
 *   <li>{@code known-gaps} (optional): {@code <database|*> <part of the error>} per line, for a
 *       migration that other modules cannot generate or run yet; the test then asserts it still
 *       fails exactly so, and fails itself once the gap is closed (delete the line then);</li>
 *   <li>{@code expected-plan.txt}, or {@code expected-plan.<dialect>.txt} where the plan
 *       legitimately differs on one database: the plan text, golden.</li>
 * </ul>
 */
record Scenario(String name, Path dir) {

    static final Path ROOT = Path.of("src", "test", "resources", "scenarios");

    static List<Scenario> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(d -> new Scenario(d.getFileName().toString(), d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario named(String name) {
        return all().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    Path version(String v) {
        return dir.resolve(v);
    }

    Optional<Path> hints() {
        return optional("hints");
    }

    List<String> seed() {
        return lines("seed");
    }

    List<String> duringExpand() {
        return lines("during-expand");
    }

    List<String> expect() {
        return lines("expect");
    }

    /** The error the migration is known to fail with on {@code kind}, if listed in {@code known-gaps}. */
    Optional<String> knownGap(DbKind kind) {
        return lines("known-gaps").stream()
                .filter(l -> l.startsWith("* ") || l.startsWith(kind.label() + " "))
                .map(l -> l.substring(l.indexOf(' ') + 1).strip()).findFirst();
    }

    /** The golden file for a database: its own one when present, else the shared one. */
    Path golden(DbKind kind) {
        Path own = dialectGolden(kind);
        return Files.exists(own) ? own : sharedGolden();
    }

    Path dialectGolden(DbKind kind) {
        return dir.resolve("expected-plan." + kind.name().toLowerCase(Locale.ROOT) + ".txt");
    }

    Path sharedGolden() {
        return dir.resolve("expected-plan.txt");
    }

    private Optional<Path> optional(String file) {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private List<String> lines(String file) {
        return optional(file).map(p -> {
            try {
                return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(List.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
