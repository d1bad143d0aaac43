package dev.concertina.cli.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every key a {@code concertina.properties} file may hold. Keys that later commands read
 * (entity models, dialect, ignore rules, hints) are accepted already, so one file serves every
 * version of the tool; README.md lists them all.
 */
public enum ConfigKey {
    /** JDBC URL of the database ({@code --url}). */
    URL("url", "--url"),
    /** Database user ({@code --user}). */
    USER("user", "--user"),
    /** Where the compiled migrations are: folders or jars, relative to the file's folder ({@code --migrations-classpath}). */
    MIGRATIONS_CLASSPATH("migrations.classpath", "--migrations-classpath"),
    /** The Java package of the migrations; {@code .expand} / {@code .contract} below it ({@code --migrations-package}). */
    MIGRATIONS_PACKAGE("migrations.package", "--migrations-package"),
    /** Where {@code revision} writes new migration sources, relative to the file's folder. */
    MIGRATIONS_SOURCE("migrations.source", "--source"),
    /** How long to wait for the migration lock, e.g. {@code 30s}, {@code 2m} ({@code --lock-timeout}). */
    LOCK_TIMEOUT("lock.timeout", "--lock-timeout"),
    /** The dialect, when the URL does not say it ({@code --dialect}). */
    DIALECT("dialect", "--dialect"),
    /** Where the compiled entity classes are, relative to the file's folder ({@code --classpath}). */
    MODELS_CLASSPATH("models.classpath", "--classpath"),
    /** Comma-separated packages holding the entities ({@code --package}). */
    MODELS_PACKAGES("models.packages", "--package"),
    /** A persistence unit naming the entities instead of packages ({@code --persistence-unit}). */
    MODELS_PERSISTENCE_UNIT("models.persistence-unit", "--persistence-unit"),
    /** The ignore-rules file, relative to the file's folder ({@code --ignore-rules}). */
    IGNORE_FILE("ignore.file", "--ignore-rules"),
    /** The rename/conversion hints file, relative to the file's folder ({@code --hints}). */
    HINTS_FILE("hints.file", "--hints"),
    /** How long one DDL statement of a migration waits for its table lock per try, e.g. {@code 500ms} (file only). */
    DDL_LOCK_TIMEOUT("ddl.lock-timeout", ""),
    /** How many more tries a DDL statement gets after a lock wait times out (file only). */
    DDL_LOCK_RETRIES("ddl.lock-retries", ""),
    /** The total time one DDL statement may spend waiting for its lock and retrying, e.g. {@code 5m} (file only). */
    DDL_LOCK_PATIENCE("ddl.lock-patience", "");

    private final String key;
    private final String flag;

    ConfigKey(String key, String flag) {
        this.key = key;
        this.flag = flag;
    }

    /** The key as written in the file. */
    public String key() {
        return key;
    }

    /** The command-line option that overrides it; empty for keys set in the file only. */
    public String flag() {
        return flag;
    }

    public static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
