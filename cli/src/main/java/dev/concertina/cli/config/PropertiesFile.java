package dev.concertina.cli.config;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code concertina.properties} file, read strictly: one {@code key = value} (or
 * {@code key: value}) per line, {@code #} and {@code !} start comments. Values are taken
 * literally (no escapes), so Windows paths need no doubling. A line that is not a pair, an
 * unknown or repeated key, or a password is an error naming the file and the line: a typo must
 * not silently fall back to a default.
 *
 * @param path   the file as the user named it (used in messages)
 * @param folder the folder relative paths in the file are resolved against
 */
public record PropertiesFile(Path path, Path folder, Map<ConfigKey, Value> values, Map<String, Value> entitySettings) {

    /** A value and the line it came from. */
    public record Value(String text, int line) {}

    public PropertiesFile {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        entitySettings = Collections.unmodifiableMap(new LinkedHashMap<>(entitySettings));
    }

    public PropertiesFile(Path path, Path folder, Map<ConfigKey, Value> values) {
        this(path, folder, values, Map.of());
    }

    /**
     * True for a key passed on to the entity reader as a Hibernate setting ({@code hibernate.*},
     * {@code jakarta.persistence.*}, Spring Boot's {@code spring.*}); see docs/entities.md.
     */
    public static boolean isEntitySetting(String key) {
        return key.startsWith("hibernate.")
                || key.startsWith("jakarta.persistence.")
                || key.startsWith("javax.persistence.")
                || key.startsWith("spring.")
                || key.equals("concertina.spring-boot");
    }

    /** An empty configuration: no file was found, relative paths are resolved against {@code folder}. */
    public static PropertiesFile none(Path folder) {
        return new PropertiesFile(
                folder.resolve("concertina.properties"), folder.toAbsolutePath().normalize(), Map.of());
    }

    public Optional<Value> get(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Where a value came from, for messages: {@code concertina.properties:3}. */
    public String where(ConfigKey key) {
        return get(key).map(v -> path + ":" + v.line()).orElse(path.toString());
    }

    /** Reads and checks a properties file. */
    public static PropertiesFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "configuration file " + path + " does not exist");
        } catch (CharacterCodingException e) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "cannot read configuration file " + path + ": " + e.getMessage());
        }
        Map<ConfigKey, Value> values = new EnumMap<>(ConfigKey.class);
        Map<String, Value> entitySettings = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            if (sep <= 0) {
                throw malformed(path, lineNo, "expected 'key = value' but found '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            if (key.equals("password")) {
                throw malformed(
                        path,
                        lineNo,
                        "a password does not belong in a file; set CONCERTINA_PASSWORD or let concertina prompt for it");
            }
            if (isEntitySetting(key)) {
                Value before = entitySettings.put(key, new Value(value, lineNo));
                if (before != null) {
                    throw malformed(path, lineNo, "key '" + key + "' repeats line " + before.line());
                }
                continue;
            }
            ConfigKey known = ConfigKey.of(key)
                    .orElseThrow(
                            () -> malformed(path, lineNo, "unknown key '" + abbreviate(key) + "'" + suggestion(key)));
            Value previous = values.get(known);
            if (previous != null) {
                throw malformed(path, lineNo, "key '" + key + "' repeats line " + previous.line());
            }
            if (value.isEmpty()) {
                throw malformed(path, lineNo, "key '" + key + "' has no value");
            }
            values.put(known, new Value(value, lineNo));
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
        return new PropertiesFile(path, folder, values, entitySettings);
    }

    /** The first '=' or ':' outside the key; a key has no spaces. */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                String key = line.substring(0, i).strip();
                return key.chars().anyMatch(Character::isWhitespace) ? -1 : i;
            }
        }
        return -1;
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey k : ConfigKey.values()) {
            int d = distance(key, k.key());
            if (d < bestDistance) {
                bestDistance = d;
                best = k.key();
            }
        }
        if (best != null && bestDistance <= 3) {
            return " (did you mean '" + best + "'?)";
        }
        return "; known keys: "
                + Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static ConcertinaException malformed(Path path, int line, String what) {
        return new ConcertinaException(ErrorCode.CONFIGURATION, path + ":" + line + ": " + what);
    }
}
