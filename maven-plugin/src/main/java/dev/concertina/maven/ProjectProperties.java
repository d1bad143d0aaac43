package dev.concertina.maven;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's {@code concertina.properties}, read as strictly as the CLI reads it
 * (README, "Configuration"): {@code key = value} lines, {@code #} comments, literal values, relative
 * paths relative to the file's folder. An unknown or repeated key, a line that is not a pair, or a
 * password is an error naming the file and the line.
 */
final class ProjectProperties {

    /** The keys the CLI knows. The class path keys are accepted and ignored: the build gives the class path. */
    static final Set<String> KEYS = Set.of(
            "url",
            "user",
            "migrations.classpath",
            "migrations.package",
            "lock.timeout",
            "migrations.source",
            "dialect",
            "models.classpath",
            "models.packages",
            "models.persistence-unit",
            "ignore.file",
            "hints.file");

    private final Path file;
    private final Map<String, String> values;

    private ProjectProperties(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** The file's values; none when it does not exist. */
    static ProjectProperties read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ProjectProperties(file, Map.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            String where = file + ":" + (i + 1) + ": ";
            if (sep <= 0) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, where + "expected 'key = value'");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            if (key.equals("password")) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        where + "a password does not belong in a file;"
                                + " set CONCERTINA_PASSWORD or a <server> in Maven's settings.xml");
            }
            if (!KEYS.contains(key)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        where + "unknown key '" + key + "'; known keys: "
                                + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (lineOf.containsKey(key)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, where + "key '" + key + "' repeats line " + lineOf.get(key));
            }
            if (value.isEmpty()) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, where + "key '" + key + "' has no value");
            }
            values.put(key, value);
            lineOf.put(key, i + 1);
        }
        return new ProjectProperties(file, values);
    }

    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                return line.substring(0, i).strip().chars().anyMatch(Character::isWhitespace) ? -1 : i;
            }
        }
        return -1;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A path value resolved against the file's folder. */
    Optional<Path> path(String key) {
        Path folder = file.toAbsolutePath().getParent();
        return get(key).map(v -> folder.resolve(v).normalize());
    }

    Path file() {
        return file;
    }
}
