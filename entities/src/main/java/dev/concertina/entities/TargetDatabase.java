package dev.concertina.entities;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database the entity model is read for: a dialect and, optionally, its version
 * ({@code "15"}, {@code "10.11.6"}). The version matters because Hibernate's DDL differs between
 * versions (native enum types, sequence support, …); without one, the versions Concertina is
 * tested on are assumed (H2 2.5, PostgreSQL 15, MariaDB 10.11, MySQL 8.0).
 */
public record TargetDatabase(Dialect dialect, Optional<String> version) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");

    public TargetDatabase {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(version, "version");
        version.ifPresent(v -> {
            if (!VERSION.matcher(v.trim()).matches()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "database version '" + v + "': expected major[.minor[.micro]], for example 15 or 10.11.6");
            }
        });
    }

    public static TargetDatabase of(Dialect dialect) {
        return new TargetDatabase(dialect, Optional.empty());
    }

    public static TargetDatabase of(Dialect dialect, String version) {
        return new TargetDatabase(dialect, Optional.of(version));
    }

    /** The version used: the given one, or the default for the dialect. */
    public String effectiveVersion() {
        return version.map(String::trim).orElseGet(() -> {
            switch (dialect) {
                case H2:
                    return "2.5.252";
                case POSTGRES:
                    return "15.0";
                case MARIADB:
                    return "10.11.0";
                default:
                    return "8.0.0";
            }
        });
    }

    /** {major, minor, micro} of {@link #effectiveVersion()}; missing parts are 0. */
    public int[] versionParts() {
        Matcher m = VERSION.matcher(effectiveVersion());
        if (!m.matches()) {
            throw new IllegalStateException(effectiveVersion());
        }
        int[] parts = new int[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
        }
        return parts;
    }
}
