package dev.concertina.api;

import dev.concertina.entities.TargetDatabase;
import dev.concertina.rules.Hints;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.MigratorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What {@link Concertina} works with: the database, the migrations, the entities, the rules file
 * and hints. Immutable: every method returns a new configuration and leaves this one as it was, so
 * a configuration can be shared and varied. {@link #load()} checks it and gives the
 * {@link Concertina} to run commands with (docs/java-api.md).
 *
 * <pre>{@code
 * Concertina concertina = Concertina.configure()
 *         .url("jdbc:postgresql://localhost/shop").user("shop").password(System.getenv("SHOP_PASSWORD"))
 *         .migrationsPackage("com.example.shop.migrations")
 *         .entityPackages("com.example.shop.model")
 *         .load();
 * }</pre>
 */
public final class Configuration {

    /** The mutable parts, copied for each change; a published configuration's values never change. */
    private static final class Values implements Cloneable {
        String url;
        String user = "";
        String password = "";
        String migrationsPackage;
        List<Path> migrationsClassPath = List.of();
        ClassLoader migrationsClassLoader;
        List<Path> entityClassPath = List.of();
        List<String> entityPackages = List.of();
        String persistenceUnit;
        Map<String, String> entitySettings = Map.of();
        ClassLoader entityClassLoader;
        TargetDatabase dialect;
        Path rulesFile;
        Path hintsFile;
        Hints hints = Hints.empty();
        String scratchUrl;
        String scratchUser = "";
        String scratchPassword = "";
        Duration lockTimeout = MigratorConfig.DEFAULT_LOCK_TIMEOUT;
        dev.concertina.runtime.online.LockRetry lockRetry = dev.concertina.runtime.online.LockRetry.DEFAULTS;
        MigrationListener listener = MigrationListener.NONE;

        @Override
        protected Values clone() {
            try {
                return (Values) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Values v;

    private Configuration(Values v) {
        this.v = v;
    }

    /** An empty configuration; {@link Concertina#configure()} is the usual way to get one. */
    static Configuration empty() {
        return new Configuration(new Values());
    }

    private Configuration with(Consumer<Values> change) {
        Values copy = v.clone();
        change.accept(copy);
        return new Configuration(copy);
    }

    /** A copy with one value set; {@code value} must not be null ({@code what} names it in the error). */
    private <T> Configuration set(String what, T value, BiConsumer<Values, T> field) {
        Objects.requireNonNull(value, what);
        return with(x -> field.accept(x, value));
    }

    // ------------------------------------------------------------------ database

    /**
     * The JDBC URL of the database ({@code jdbc:h2:…}, {@code jdbc:postgresql:…},
     * {@code jdbc:mariadb:…}, {@code jdbc:mysql:…}).
     */
    public Configuration url(String url) {
        return set("url", url, (x, value) -> x.url = value);
    }

    /** The database user; empty (the default) lets the driver decide. */
    public Configuration user(String user) {
        return set("user", user, (x, value) -> x.user = value);
    }

    /** The database password; empty by default. Never printed: messages show URLs with passwords masked. */
    public Configuration password(String password) {
        return set("password", password, (x, value) -> x.password = value);
    }

    /** How long to wait for another process's migration lock (default 60 s). */
    public Configuration lockTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "lock timeout must not be negative: " + timeout);
        }
        return with(x -> x.lockTimeout = timeout);
    }

    /**
     * How each DDL statement of a migration waits for its table lock: timeout per try, retries,
     * total patience (docs/expand.md, "Online DDL"; default 500 ms, 30, 5 min).
     */
    public Configuration lockRetry(dev.concertina.runtime.online.LockRetry retry) {
        return set("retry", retry, (x, value) -> x.lockRetry = value);
    }

    /** Told what runs, the lock, and every warning (stale rules, plan warnings, changed revisions). */
    public Configuration listener(MigrationListener listener) {
        return set("listener", listener, (x, value) -> x.listener = value);
    }

    // ------------------------------------------------------------------ migrations

    /** The Java package of the migrations, with {@code .expand} and {@code .contract} below it. */
    public Configuration migrationsPackage(String packageName) {
        return set("packageName", packageName, (x, value) -> x.migrationsPackage = value);
    }

    /** Folders and jars that hold the compiled migrations (instead of {@link #migrationsClassLoader}). */
    public Configuration migrationsClassPath(List<Path> entries) {
        List<Path> copy = List.copyOf(entries);
        return with(x -> {
            x.migrationsClassPath = copy;
            x.migrationsClassLoader = null;
        });
    }

    /** The class loader the migrations are found on (instead of {@link #migrationsClassPath}). */
    public Configuration migrationsClassLoader(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return with(x -> {
            x.migrationsClassLoader = loader;
            x.migrationsClassPath = List.of();
        });
    }

    // ------------------------------------------------------------------ entities

    /**
     * Folders and jars that hold the compiled entities and what they need. Without it, the
     * packages of {@link #entityPackages} are looked up on {@link #entityClassLoader} (by default
     * the migrations' class loader, else the thread's context class loader).
     */
    public Configuration entityClassPath(List<Path> entries) {
        List<Path> copy = List.copyOf(entries);
        return with(x -> x.entityClassPath = copy);
    }

    /** Packages (subpackages included) scanned for {@code @Entity}, {@code @Embeddable}, … classes. */
    public Configuration entityPackages(String... packages) {
        return entityPackages(List.of(packages));
    }

    /** Packages (subpackages included) scanned for {@code @Entity}, {@code @Embeddable}, … classes. */
    public Configuration entityPackages(List<String> packages) {
        List<String> copy = List.copyOf(packages);
        return with(x -> {
            x.entityPackages = copy;
            x.persistenceUnit = null;
        });
    }

    /** A persistence unit of a {@code META-INF/persistence.xml} on the entity class path, instead of packages. */
    public Configuration persistenceUnit(String name) {
        Objects.requireNonNull(name, "name");
        return with(x -> {
            x.persistenceUnit = name;
            x.entityPackages = List.of();
        });
    }

    /** The class loader whose class path holds {@link #entityPackages} when no entity class path is given. */
    public Configuration entityClassLoader(ClassLoader loader) {
        return set("loader", loader, (x, value) -> x.entityClassLoader = value);
    }

    /**
     * Hibernate settings for reading the entities (naming strategies, default schema, …); they win
     * over a persistence unit's.
     */
    public Configuration entitySettings(Map<String, String> settings) {
        Map<String, String> copy = Map.copyOf(settings);
        return with(x -> x.entitySettings = copy);
    }

    /** One Hibernate setting, added to those already given. */
    public Configuration entitySetting(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(v.entitySettings);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return entitySettings(copy);
    }

    /** The database the entities are read for when no database is used ({@link Concertina#inspectEntities()}). */
    public Configuration dialect(TargetDatabase target) {
        return set("target", target, (x, value) -> x.dialect = value);
    }

    // ------------------------------------------------------------------ rules and hints

    /** The rules file (docs/ignore-rules.md), applied to both sides of every comparison. */
    public Configuration rulesFile(Path file) {
        return set("file", file, (x, value) -> x.rulesFile = value);
    }

    /** A hints file: the lines of a {@code [hints]} section, added after the rules file's own hints. */
    public Configuration hintsFile(Path file) {
        return set("file", file, (x, value) -> x.hintsFile = value);
    }

    /** Rename decisions and other hints, added after those of the rules and hints files ({@link Hints#fromArgs}). */
    public Configuration hints(Hints hints) {
        return set("hints", hints, (x, value) -> x.hints = value);
    }

    // ------------------------------------------------------------------ drift check

    /**
     * An empty database the drift check may build the migrations' schema in (default: a private
     * H2 in-memory database). Whatever the check creates there is dropped again.
     */
    public Configuration scratchDatabase(String url, String user, String password) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return with(x -> {
            x.scratchUrl = url;
            x.scratchUser = user;
            x.scratchPassword = password;
        });
    }

    // ------------------------------------------------------------------ reading back

    public Optional<String> url() {
        return Optional.ofNullable(v.url);
    }

    public String user() {
        return v.user;
    }

    public String password() {
        return v.password;
    }

    public Duration lockTimeout() {
        return v.lockTimeout;
    }

    public dev.concertina.runtime.online.LockRetry lockRetry() {
        return v.lockRetry;
    }

    public MigrationListener listener() {
        return v.listener;
    }

    public Optional<String> migrationsPackage() {
        return Optional.ofNullable(v.migrationsPackage);
    }

    public List<Path> migrationsClassPath() {
        return v.migrationsClassPath;
    }

    public Optional<ClassLoader> migrationsClassLoader() {
        return Optional.ofNullable(v.migrationsClassLoader);
    }

    public List<Path> entityClassPath() {
        return v.entityClassPath;
    }

    public List<String> entityPackages() {
        return v.entityPackages;
    }

    public Optional<String> persistenceUnit() {
        return Optional.ofNullable(v.persistenceUnit);
    }

    public Optional<ClassLoader> entityClassLoader() {
        return Optional.ofNullable(v.entityClassLoader);
    }

    public Map<String, String> entitySettings() {
        return v.entitySettings;
    }

    public Optional<TargetDatabase> dialect() {
        return Optional.ofNullable(v.dialect);
    }

    public Optional<Path> rulesFile() {
        return Optional.ofNullable(v.rulesFile);
    }

    public Optional<Path> hintsFile() {
        return Optional.ofNullable(v.hintsFile);
    }

    public Hints hints() {
        return v.hints;
    }

    public Optional<String> scratchUrl() {
        return Optional.ofNullable(v.scratchUrl);
    }

    public String scratchUser() {
        return v.scratchUser;
    }

    public String scratchPassword() {
        return v.scratchPassword;
    }

    /** True when entities are configured (packages or a persistence unit). */
    public boolean hasEntities() {
        return !v.entityPackages.isEmpty() || v.persistenceUnit != null;
    }

    /**
     * Checks what can be checked without a database and gives the {@link Concertina} to run
     * commands with. What a command needs and is missing (a URL for {@code diff}, entities for
     * {@code revision}) is reported when that command runs.
     *
     * @throws ConcertinaException (CONFIGURATION) naming what is wrong
     */
    public Concertina load() {
        if (v.url != null) {
            if (v.url.isBlank()) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, "the database URL is empty");
            }
            dev.concertina.runtime.Dialect.fromUrl(v.url);
        }
        List<String> problems = new ArrayList<>();
        if (v.migrationsPackage != null && v.migrationsPackage.isBlank()) {
            problems.add("the migrations package is empty");
        }
        if (!v.entityClassPath.isEmpty() && !hasEntities()) {
            problems.add("an entity class path is given without entity packages or a persistence unit");
        }
        if (v.entityPackages.stream().anyMatch(String::isBlank)) {
            problems.add("an entity package is empty");
        }
        if (!problems.isEmpty()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, String.join("; ", problems));
        }
        return new Concertina(this);
    }

    @Override
    public String toString() {
        // For logs and -v dumps: the URL masked, the password never.
        return "Configuration[url=" + url().map(JdbcUrls::masked).orElse("none") + ", user=" + v.user
                + ", migrationsPackage=" + migrationsPackage().orElse("none")
                + ", entities="
                + (v.persistenceUnit != null ? "persistence unit " + v.persistenceUnit : v.entityPackages)
                + "]";
    }
}
