package dev.concertina.cli.config;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration a command runs with: command-line flags first, then the properties file.
 * Relative paths from the command line are resolved against the working directory, those from
 * the file against the file's folder (so a sample's file works from anywhere).
 */
public record Settings(
        Optional<String> url,
        Optional<String> user,
        List<Path> migrationsClasspath,
        Optional<String> migrationsPackage,
        Optional<Duration> lockTimeout,
        PropertiesFile file) {

    /** What the command line said; empty where it said nothing. */
    public record Flags(
            Optional<String> url,
            Optional<String> user,
            Optional<Path> config,
            Optional<String> classpath,
            Optional<String> migrationsPackage,
            Optional<String> lockTimeout) {}

    public static final String DEFAULT_FILE = "concertina.properties";

    public Settings {
        migrationsClasspath = List.copyOf(migrationsClasspath);
    }

    /** Merges flags over the properties file ({@code --config}, or {@code concertina.properties} in {@code workDir} when present). */
    public static Settings resolve(Flags flags, Path workDir) {
        PropertiesFile file;
        if (flags.config().isPresent()) {
            file = PropertiesFile.read(flags.config().get());
        } else if (Files.isRegularFile(workDir.resolve(DEFAULT_FILE))) {
            // workDir is Path.of("") in the real command, so messages say just "concertina.properties".
            file = PropertiesFile.read(workDir.resolve(DEFAULT_FILE));
        } else {
            file = PropertiesFile.none(workDir);
        }

        Optional<String> url = flags.url().or(() -> file.get(ConfigKey.URL).map(PropertiesFile.Value::text));
        Optional<String> user = flags.user().or(() -> file.get(ConfigKey.USER).map(PropertiesFile.Value::text));
        Optional<String> pkg = flags.migrationsPackage()
                .or(() -> file.get(ConfigKey.MIGRATIONS_PACKAGE).map(PropertiesFile.Value::text));

        List<Path> classpath;
        if (flags.classpath().isPresent()) {
            classpath = paths(flags.classpath().get(), workDir, "--migrations-classpath");
        } else {
            classpath = file.get(ConfigKey.MIGRATIONS_CLASSPATH)
                    .map(v -> paths(
                            v.text(),
                            file.folder(),
                            file.where(ConfigKey.MIGRATIONS_CLASSPATH) + ": migrations.classpath"))
                    .orElse(List.of());
        }

        Optional<Duration> timeout;
        if (flags.lockTimeout().isPresent()) {
            timeout = Optional.of(duration(flags.lockTimeout().get(), "--lock-timeout"));
        } else {
            timeout = file.get(ConfigKey.LOCK_TIMEOUT)
                    .map(v -> duration(v.text(), file.where(ConfigKey.LOCK_TIMEOUT) + ": lock.timeout"));
        }
        return new Settings(url, user, classpath, pkg, timeout, file);
    }

    /** The URL, or an error saying how to give one. */
    public String requireUrl() {
        return url.orElseThrow(() -> new ConcertinaException(
                ErrorCode.CONFIGURATION,
                "no database URL: give --url (e.g. --url jdbc:h2:./target/demo) or set 'url' in " + file.path()));
    }

    /** The migrations package, or an error saying how to give one. */
    public String requirePackage() {
        return migrationsPackage.orElseThrow(() -> new ConcertinaException(
                ErrorCode.CONFIGURATION,
                "no migrations package: give --migrations-package (e.g. --migrations-package com.example.migrations) or set 'migrations.package' in "
                        + file.path()));
    }

    /** Where a classpath entry came from, for messages. */
    public String classpathOrigin() {
        return file.get(ConfigKey.MIGRATIONS_CLASSPATH).isPresent()
                ? file.where(ConfigKey.MIGRATIONS_CLASSPATH) + " migrations.classpath"
                : "--migrations-classpath";
    }

    /** Entries are separated by the platform path separator or commas; relative ones resolve against {@code base}. */
    public static List<Path> paths(String text, Path base, String origin) {
        List<Path> out = new ArrayList<>();
        for (String part : text.split("[,\\" + File.pathSeparator + "]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(base.resolve(p).normalize());
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, origin + ": invalid path '" + p + "'");
            }
        }
        if (out.isEmpty()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, origin + ": no classpath entries in '" + text + "'");
        }
        return out;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public static Duration duration(String text, String origin) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    origin + ": invalid duration '" + text + "' (expected e.g. 30s, 2m, 500ms)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofSeconds(n);
        }
    }
}
