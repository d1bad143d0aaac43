package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A Spring Boot application's own configuration, as far as the entity class path holds it: the
 * {@code application.properties} / {@code application.yml} files at its root and in
 * {@code config/}, their profile-specific siblings and {@code spring.config.activate.on-profile}
 * documents for the active profiles, with the {@code spring.*} settings Concertina was given on
 * top (as command-line arguments are for the application). Later sources win, as in Spring Boot:
 * {@code config/} over the root, {@code .properties} over {@code .yml}, profiles over the rest.
 *
 * <p>The class path is taken for a Spring Boot application when it has one of those files, Spring
 * Boot's classes, or a class annotated {@code @SpringBootApplication} (directories only: jars
 * are not scanned for it). See docs/entities.md, "Spring Boot".
 */
final class SpringBootConfig {

    /** A value and the file (or setting) it came from, for messages. */
    record Value(String text, String where) {}

    private static final List<String> LOCATIONS = List.of("", "config/");
    private static final String BOOT_CLASS = "org/springframework/boot/SpringApplication.class";
    private static final String BOOT_ANNOTATION = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;";

    private SpringBootConfig() {}

    /**
     * The application's flattened {@code spring.*} configuration (keys as written, {@code [x]}
     * map keys turned into {@code .x}), or empty when the class path is not a Spring Boot
     * application and {@code given} names no {@code spring.} key.
     */
    static Optional<Map<String, Value>> read(URLClassLoader loader, List<Path> classpath, Map<String, String> given) {
        List<Document> documents = new ArrayList<>();
        for (String location : LOCATIONS) {
            documents.addAll(file(loader, location + "application", null));
        }
        boolean givenSpring = given.keySet().stream().anyMatch(k -> k.startsWith("spring."));
        if (documents.isEmpty()
                && !givenSpring
                && loader.findResource(BOOT_CLASS) == null
                && ClasspathScanner.directoriesMentioning(classpath, BOOT_ANNOTATION)
                        .isEmpty()) {
            return Optional.empty();
        }
        Map<String, Value> merged = new LinkedHashMap<>();
        documents.stream().filter(d -> d.profiles.isEmpty()).forEach(d -> merged.putAll(d.values));
        Map<String, Value> fromSettings = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (k.startsWith("spring.")) {
                fromSettings.put(normalKey(k), new Value(v, "setting " + k));
            }
        });
        Set<String> active = activeProfiles(fromSettings.containsKey("spring.profiles.active") ? fromSettings : merged);
        for (Document d : documents) {
            if (!d.profiles.isEmpty() && d.activeFor(active)) {
                merged.putAll(d.values);
            }
        }
        for (String profile : active) {
            for (String location : LOCATIONS) {
                for (Document d : file(loader, location + "application-" + profile, profile)) {
                    if (d.profiles.isEmpty() || d.activeFor(active)) {
                        merged.putAll(d.values);
                    }
                }
            }
        }
        merged.putAll(fromSettings);
        return Optional.of(Collections.unmodifiableMap(merged));
    }

    private static Set<String> activeProfiles(Map<String, Value> values) {
        Set<String> out = new LinkedHashSet<>();
        Value v = values.get("spring.profiles.active");
        if (v != null) {
            for (String p : v.text().split(",")) {
                if (!p.isBlank()) out.add(p.strip());
            }
        }
        return out;
    }

    /** One document of a file: its values and the profiles it is limited to (none: always). */
    private record Document(Map<String, Value> values, List<String> profiles) {
        boolean activeFor(Set<String> active) {
            for (String p : profiles) {
                boolean negated = p.startsWith("!");
                String name = negated ? p.substring(1).strip() : p;
                if (active.contains(name) != negated) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The documents of {@code base}.yml/.yaml then {@code base}.properties, on the entity class path only. */
    private static List<Document> file(URLClassLoader loader, String base, String profile) {
        List<Document> out = new ArrayList<>();
        for (String ext : List.of(".yml", ".yaml", ".properties")) {
            List<URL> urls;
            try {
                // findResources: the entity class path only, never Concertina's own.
                urls = Collections.list(loader.findResources(base + ext));
            } catch (IOException e) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, base + ext + ": cannot be read: " + e.getMessage(), e);
            }
            for (URL url : urls) {
                String text = text(url);
                String where = where(url);
                out.addAll(ext.equals(".properties") ? properties(text, where) : yaml(text, where));
            }
        }
        return out;
    }

    private static List<Document> properties(String text, String where) {
        List<Document> out = new ArrayList<>();
        // Spring Boot splits a .properties file into documents at a "#---" or "!---" line.
        for (String part : text.split("(?m)^[#!]---\\s*$")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(part));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, where + ": not a readable properties file: " + e.getMessage(), e);
            }
            Map<String, Value> values = new LinkedHashMap<>();
            p.stringPropertyNames().stream()
                    .sorted()
                    .forEach(k ->
                            values.put(normalKey(k), new Value(p.getProperty(k).strip(), where)));
            out.add(document(values));
        }
        return out;
    }

    private static List<Document> yaml(String text, String where) {
        List<Document> out = new ArrayList<>();
        try {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                Map<String, Value> values = new LinkedHashMap<>();
                flatten("", doc, values, where);
                out.add(document(values));
            }
        } catch (YAMLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    where + ": not readable YAML: "
                            + String.valueOf(e.getMessage()).replace('\n', ' '),
                    e);
        }
        return out;
    }

    private static Document document(Map<String, Value> values) {
        Value on = values.remove("spring.config.activate.on-profile");
        Value legacy = values.remove("spring.profiles");
        Value limit = on != null ? on : legacy;
        List<String> profiles = new ArrayList<>();
        if (limit != null) {
            for (String p : limit.text().replace('[', ',').replace(']', ',').split(",")) {
                if (!p.isBlank()) profiles.add(p.strip());
            }
        }
        return new Document(values, profiles);
    }

    private static void flatten(String prefix, Object node, Map<String, Value> out, String where) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                flatten(prefix.isEmpty() ? normalKey(key) : prefix + "." + normalKey(key), e.getValue(), out, where);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out, where);
            }
            // A list of profile names is also read as one comma-separated value, as Spring Boot binds it.
            out.put(
                    prefix,
                    new Value(
                            String.join(",", list.stream().map(String::valueOf).toList()), where));
        } else if (!prefix.isEmpty()) {
            out.put(prefix, new Value(node == null ? "" : String.valueOf(node), where));
        }
    }

    /** {@code a[b.c]} → {@code a.b.c}: Spring Boot's bracket notation for map keys with dots. */
    static String normalKey(String key) {
        String k = key.strip();
        if (k.startsWith("[") && k.endsWith("]")) {
            return k.substring(1, k.length() - 1);
        }
        return k.replaceAll("\\[([^\\]0-9][^\\]]*)\\]", ".$1");
    }

    /**
     * Spring Boot's relaxed form of a property name, for comparing keys spelled in kebab case,
     * camel case or with underscores: lower case, without {@code -} and {@code _}.
     */
    static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, where(url) + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A short place for messages: the file path, or the jar and entry. */
    private static String where(URL url) {
        if ("file".equals(url.getProtocol())) {
            try {
                Path p = Path.of(url.toURI());
                return Files.exists(p) ? p.toString() : url.toString();
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return url.toString();
            }
        }
        return url.toString();
    }
}
