package dev.concertina.cli;

import dev.concertina.api.Configuration;
import dev.concertina.cli.config.ConfigKey;
import dev.concertina.cli.config.Settings;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One command's connection to the database: the resolved settings and an open {@link Migrator},
 * from the Java API ({@link dev.concertina.api.Concertina#withMigrator}).
 */
final class Session {

    static final String PASSWORD_ENV = "CONCERTINA_PASSWORD";

    private final Settings settings;
    private final Migrator migrator;
    private final ConsoleListener listener;
    private final Output out;

    private Session(Settings settings, Migrator migrator, ConsoleListener listener, Output out) {
        this.settings = settings;
        this.migrator = migrator;
        this.listener = listener;
        this.out = out;
    }

    /** Opens the database and the migrations, runs {@code work}, and closes them again. */
    static int run(Concertina root, Function<Session, Integer> work) {
        Settings settings = Settings.resolve(root.flags(), root.io().workDir());
        ConsoleListener listener = listener(root, settings);
        return withApi(
                root,
                settings,
                listener,
                (api, connected) -> api.withMigrator(m -> {
                    connected.run();
                    Session s = new Session(settings, m, listener, root.output());
                    try {
                        return work.apply(s);
                    } finally {
                        listener.closeLine();
                    }
                }));
    }

    /**
     * Runs {@code work} on the Java API configured from the command line and the properties file;
     * asks for the password and tries once more when the server wanted one that was not given,
     * before {@code work} said it was connected, and stdin is a terminal (psql does the same).
     */
    static int withApi(
            Concertina root,
            Settings settings,
            ConsoleListener listener,
            BiFunction<dev.concertina.api.Concertina, Runnable, Integer> work) {
        Io io = root.io();
        Output out = root.output();
        String url = settings.requireUrl();
        String pkg = settings.requirePackage();
        if (settings.migrationsClasspath().isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "no migrations class path: give --migrations-classpath (e.g. --migrations-classpath target/classes)"
                            + " or set 'migrations.classpath' in "
                            + settings.file().path());
        }
        Duration timeout = settings.lockTimeout().orElse(MigratorConfig.DEFAULT_LOCK_TIMEOUT);
        out.detail("configuration: " + settings.file().path()
                + (settings.file().values().isEmpty() ? " (not used)" : ""));
        out.detail("url: " + url);
        out.detail("migrations: " + pkg + " on " + settings.migrationsClasspath());
        for (Path p : settings.migrationsClasspath()) {
            if (!Files.exists(p)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "migrations class path entry " + p + " (from " + settings.classpathOrigin()
                                + ") does not exist: compile the migrations first (e.g. mvn package)");
            }
        }
        Configuration config = dev.concertina.api.Concertina.configure()
                .url(url)
                .user(settings.user().orElse(""))
                .migrationsPackage(pkg)
                .migrationsClassPath(settings.migrationsClasspath())
                .lockTimeout(timeout)
                .lockRetry(lockRetry(settings))
                .listener(listener);
        Optional<String> password = Optional.ofNullable(io.env().get(PASSWORD_ENV));
        if (password.isEmpty() && root.passwordPrompt()) {
            password = Optional.of(prompt(io, settings, url));
        }
        boolean[] connected = {false};
        try {
            return work.apply(config.password(password.orElse("")).load(), () -> connected[0] = true);
        } catch (ConcertinaException e) {
            if (!connected[0] && password.isEmpty() && io.terminal().interactive() && authenticationFailed(e)) {
                String typed = prompt(io, settings, url);
                return work.apply(config.password(typed).load(), () -> {});
            }
            throw e;
        }
    }

    /** {@code ddl.lock-timeout}, {@code ddl.lock-retries}, {@code ddl.lock-patience} over the defaults (docs/expand.md). */
    static dev.concertina.runtime.online.LockRetry lockRetry(Settings settings) {
        var file = settings.file();
        var retry = dev.concertina.runtime.online.LockRetry.DEFAULTS;
        var timeout = file.get(ConfigKey.DDL_LOCK_TIMEOUT);
        if (timeout.isPresent()) {
            retry = retry.withLockTimeout(Settings.duration(
                    timeout.get().text(), file.where(ConfigKey.DDL_LOCK_TIMEOUT) + ": ddl.lock-timeout"));
        }
        var patience = file.get(ConfigKey.DDL_LOCK_PATIENCE);
        if (patience.isPresent()) {
            retry = retry.withPatience(Settings.duration(
                    patience.get().text(), file.where(ConfigKey.DDL_LOCK_PATIENCE) + ": ddl.lock-patience"));
        }
        var retries = file.get(ConfigKey.DDL_LOCK_RETRIES);
        if (retries.isPresent()) {
            try {
                retry = retry.withRetries(Integer.parseInt(retries.get().text().strip()));
            } catch (NumberFormatException e) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        file.where(ConfigKey.DDL_LOCK_RETRIES) + ": ddl.lock-retries: not a whole number: '"
                                + retries.get().text() + "'");
            }
        }
        return retry;
    }

    static ConsoleListener listener(Concertina root, Settings settings) {
        Duration timeout = settings.lockTimeout().orElse(MigratorConfig.DEFAULT_LOCK_TIMEOUT);
        return new ConsoleListener(root.output(), Durations.format(timeout));
    }

    private static String prompt(Io io, Settings settings, String url) {
        String who = settings.user().map(u -> u + " at ").orElse("") + Output.safe(url);
        return io.terminal()
                .readPassword("Password for " + who + ": ")
                .map(String::new)
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "cannot ask for the password: stdin is not a terminal; set " + PASSWORD_ENV));
    }

    /** SQLState class 28 is "invalid authorization specification" on every driver we ship. */
    static boolean authenticationFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    Migrator migrator() {
        return migrator;
    }

    Output out() {
        return out;
    }

    ConsoleListener listener() {
        return listener;
    }

    Settings settings() {
        return settings;
    }
}
