package dev.concertina.cli.schema;

import dev.concertina.api.Configuration;
import dev.concertina.cli.Concertina;
import dev.concertina.cli.Io;
import dev.concertina.cli.Output;
import dev.concertina.cli.config.ConfigKey;
import dev.concertina.cli.config.PropertiesFile;
import dev.concertina.cli.config.Settings;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.RulesException;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a schema command needs from the command line and {@code concertina.properties}: flags win,
 * then the file; relative paths from flags are resolved against the working directory, those from
 * the file against its folder.
 */
final class CommandContext {

    static final String PASSWORD_ENV = "CONCERTINA_PASSWORD";

    private final Concertina root;
    private final Io io;
    private final Output out;
    private final Settings settings;

    private CommandContext(Concertina root) {
        this.root = root;
        this.io = root.io();
        this.out = root.output();
        this.settings = Settings.resolve(root.flags(), io.workDir());
    }

    static CommandContext of(Concertina root) {
        return new CommandContext(root);
    }

    Io io() {
        return io;
    }

    Output out() {
        return out;
    }

    Settings settings() {
        return settings;
    }

    PropertiesFile file() {
        return settings.file();
    }

    private Optional<String> key(ConfigKey k) {
        return file().get(k).map(PropertiesFile.Value::text);
    }

    // ------------------------------------------------------------------ database

    /**
     * The API's configuration for a command that reads the database (the URL is required): URL,
     * user, password, the migrations when configured, and a listener that prints warnings.
     */
    Configuration database() {
        String url = settings.requireUrl();
        out.detail("url: " + url);
        return withoutDatabase().url(url).user(settings.user().orElse("")).password(password(url));
    }

    /** The API's configuration without a database: the migrations when configured, warnings printed. */
    Configuration withoutDatabase() {
        Configuration c = dev.concertina.api.Concertina.configure().listener(new MigrationListener() {
            @Override
            public void warning(String message) {
                out.warning(message);
            }
        });
        if (settings.migrationsPackage().isPresent()) {
            c = c.migrationsPackage(settings.migrationsPackage().get())
                    .migrationsClassPath(settings.migrationsClasspath());
        }
        return c;
    }

    /** {@code c} reading the entities of {@code source}. */
    static Configuration withEntities(Configuration c, EntitySource source) {
        Configuration e = c.entityClassPath(source.classpath()).entitySettings(source.settings());
        if (source instanceof EntitySource.PersistenceUnit pu) {
            return e.persistenceUnit(pu.name());
        }
        return e.entityPackages(((EntitySource.Packages) source).packages());
    }

    String password(String url) {
        String env = io.env().get(PASSWORD_ENV);
        if (env != null) {
            return env;
        }
        if (root.passwordPrompt()) {
            String who = settings.user().map(u -> u + " at ").orElse("") + Output.safe(url);
            return io.terminal()
                    .readPassword("Password for " + who + ": ")
                    .map(String::new)
                    .orElseThrow(() -> new ConcertinaException(
                            ErrorCode.CONFIGURATION,
                            "cannot ask for the password: stdin is not a terminal; set " + PASSWORD_ENV));
        }
        return "";
    }

    // ------------------------------------------------------------------ models

    /** The entity models, or empty when none are configured. */
    Optional<EntitySource> models(ModelOptions m) {
        List<Path> classpath;
        if (m.classpath().isPresent()) {
            classpath = paths(m.classpath().get(), io.workDir(), "--classpath");
        } else {
            classpath = file().get(ConfigKey.MODELS_CLASSPATH)
                    .map(v -> paths(
                            v.text(), file().folder(), file().where(ConfigKey.MODELS_CLASSPATH) + ": models.classpath"))
                    .orElse(List.of());
        }
        List<String> packages = !m.packages().isEmpty()
                ? split(String.join(",", m.packages()))
                : key(ConfigKey.MODELS_PACKAGES).map(CommandContext::split).orElse(List.of());
        Optional<String> unit = m.persistenceUnit().or(() -> key(ConfigKey.MODELS_PERSISTENCE_UNIT));
        if (packages.isEmpty() && unit.isEmpty()) {
            if (!classpath.isEmpty()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "models class path given without --package or "
                                + "--persistence-unit: name the entity package(s) (key: models.packages) or a persistence unit (key: models.persistence-unit)");
            }
            return Optional.empty();
        }
        if (!packages.isEmpty() && unit.isPresent()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "models: give entity packages or a persistence unit, not both");
        }
        if (classpath.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "no models class path: give --classpath "
                            + "(e.g. --classpath target/classes) or set 'models.classpath' in " + file().path());
        }
        for (Path p : classpath) {
            if (!Files.exists(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "models class path entry " + p
                                + " does not exist: compile the entities first (e.g. mvn compile)");
            }
        }
        out.detail("models: " + (unit.isPresent() ? "persistence unit " + unit.get() : String.join(", ", packages))
                + " on " + classpath);
        // Hibernate settings: concertina.properties, then --hibernate over it (docs/entities.md).
        Map<String, String> hibernate = new java.util.LinkedHashMap<>();
        file().entitySettings().forEach((k, v) -> hibernate.put(k, v.text()));
        hibernate.putAll(m.hibernate());
        return Optional.of(unit.<EntitySource>map(u -> new EntitySource.PersistenceUnit(classpath, u, hibernate))
                .orElseGet(() -> new EntitySource.Packages(classpath, packages, hibernate)));
    }

    EntitySource requireModels(ModelOptions m) {
        return models(m)
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "no entity models configured: give --classpath with --package (or --persistence-unit), "
                                + "or set models.classpath and models.packages in " + file().path()));
    }

    /** The target named by {@code --dialect} or the {@code dialect} key: {@code postgres} or {@code postgres:15}. */
    Optional<TargetDatabase> dialectTarget(ModelOptions m) {
        Optional<String> text = m.dialect().or(() -> key(ConfigKey.DIALECT));
        return text.map(t -> {
            int colon = t.indexOf(':');
            Dialect d = Dialect.fromLabel(colon < 0 ? t : t.substring(0, colon));
            return colon < 0 ? TargetDatabase.of(d) : TargetDatabase.of(d, t.substring(colon + 1));
        });
    }

    // ------------------------------------------------------------------ rules and hints

    /** {@code c} with the rules file, the hints file and the command line's hints. */
    Configuration withRules(Configuration c, RulesOptions r, HintOptions h) {
        Configuration out = withRules(c, r, h.hintsFile);
        try {
            return out.hints(Hints.fromArgs(h.renames, h.noRenames));
        } catch (RulesException e) {
            throw new ConcertinaException(ErrorCode.RULES, e.getMessage());
        }
    }

    /** {@code c} with the rules file and the hints file. */
    Configuration withRules(Configuration c, RulesOptions r, HintsFileOption h) {
        Configuration out = c;
        Optional<Path> rules = rulesFile(r);
        if (rules.isPresent()) {
            out = out.rulesFile(rules.get());
        }
        Optional<Path> hints = hintsFile(h);
        if (hints.isPresent()) {
            out = out.hintsFile(hints.get());
        }
        return out;
    }

    /** The rules file: {@code --rules}, the {@code ignore.file} key, or {@code concertina.ignore} in the working directory. */
    Optional<Path> rulesFile(RulesOptions r) {
        if (r.file().isPresent()) {
            Path p = io.workDir().resolve(r.file().get());
            if (!Files.isRegularFile(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "rules file " + r.file().get() + " (--rules) does not exist");
            }
            out.detail("rules: " + p);
            return Optional.of(p);
        }
        Optional<PropertiesFile.Value> fromFile = file().get(ConfigKey.IGNORE_FILE);
        if (fromFile.isPresent()) {
            Path p = file().folder().resolve(fromFile.get().text());
            if (!Files.isRegularFile(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        file().where(ConfigKey.IGNORE_FILE) + ": rules file "
                                + fromFile.get().text() + " does not exist");
            }
            out.detail("rules: " + p);
            return Optional.of(p);
        }
        Path p = io.workDir().resolve(IgnoreRules.DEFAULT_FILE);
        if (Files.isRegularFile(p)) {
            out.detail("rules: " + p);
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The hints file: {@code --hints}, else the {@code hints.file} key; none when neither is given. */
    Optional<Path> hintsFile(HintsFileOption h) {
        if (h != null && h.file().isPresent()) {
            Path p = io.workDir().resolve(h.file().get());
            if (!Files.isRegularFile(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "hints file " + h.file().get() + " (--hints) does not exist");
            }
            out.detail("hints: " + p);
            return Optional.of(p);
        }
        Optional<PropertiesFile.Value> fromFile = file().get(ConfigKey.HINTS_FILE);
        if (fromFile.isPresent()) {
            Path p = file().folder().resolve(fromFile.get().text());
            if (!Files.isRegularFile(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        file().where(ConfigKey.HINTS_FILE) + ": hints file "
                                + fromFile.get().text() + " does not exist");
            }
            out.detail("hints: " + p);
            return Optional.of(p);
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ helpers

    static List<String> split(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static List<Path> paths(String text, Path base, String origin) {
        return dev.concertina.cli.config.Settings.paths(text, base, origin);
    }
}
