package dev.concertina.cli;

import dev.concertina.cli.config.ConfigKey;
import dev.concertina.cli.config.Settings;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One command's connection to the database: the resolved settings, a class loader over the
 * migrations' class path, and an open {@link Migrator}.
 */
final class Session implements AutoCloseable {

    static final String PASSWORD_ENV = "CONCERTINA_PASSWORD";

    private final Settings settings;
    private final URLClassLoader loader;
    private final Migrator migrator;
    private final ConsoleListener listener;
    private final Output out;

    private Session(Settings settings, URLClassLoader loader, Migrator migrator, ConsoleListener listener, Output out) {
        this.settings = settings;
        this.loader = loader;
        this.migrator = migrator;
        this.listener = listener;
        this.out = out;
    }

    static Session open(Concertina root) {
        Io io = root.io();
        Output out = root.output();
        Settings settings = Settings.resolve(root.flags(), io.workDir());
        String url = settings.requireUrl();
        String pkg = settings.requirePackage();
        if (settings.migrationsClasspath().isEmpty()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "no migrations class path: give --migrations-classpath (e.g. --migrations-classpath target/classes)"
                    + " or set 'migrations.classpath' in " + settings.file().path());
        }
        Duration timeout = settings.lockTimeout().orElse(MigratorConfig.DEFAULT_LOCK_TIMEOUT);
        out.detail("configuration: " + settings.file().path() + (settings.file().values().isEmpty() ? " (not used)" : ""));
        out.detail("url: " + url);
        out.detail("migrations: " + pkg + " on " + settings.migrationsClasspath());
        URLClassLoader loader = classLoader(settings);
        ConsoleListener listener = new ConsoleListener(out, Durations.format(timeout));
        Optional<String> password = Optional.ofNullable(io.env().get(PASSWORD_ENV));
        if (password.isEmpty() && root.passwordPrompt()) {
            password = Optional.of(prompt(io, settings, url));
        }
        try {
            Migrator migrator;
            try {
                migrator = Migrator.open(config(settings, url, pkg, loader, timeout, listener, password.orElse("")));
            } catch (ConcertinaException e) {
                // Ask only when the server wanted a password we did not have (psql does the same).
                if (password.isEmpty() && io.terminal().interactive() && authenticationFailed(e)) {
                    String typed = prompt(io, settings, url);
                    migrator = Migrator.open(config(settings, url, pkg, loader, timeout, listener, typed));
                } else {
                    throw e;
                }
            }
            return new Session(settings, loader, migrator, listener, out);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static MigratorConfig config(Settings settings, String url, String pkg, ClassLoader loader, Duration timeout,
                                         ConsoleListener listener, String password) {
        return MigratorConfig.builder()
                .url(url)
                .user(settings.user().orElse(""))
                .password(password)
                .migrations(loader, pkg)
                .lockTimeout(timeout)
                .lockRetry(lockRetry(settings))
                .listener(listener)
                .build();
    }

    /** {@code ddl.lock-timeout}, {@code ddl.lock-retries}, {@code ddl.lock-patience} over the defaults (docs/expand.md). */
    static dev.concertina.runtime.online.LockRetry lockRetry(Settings settings) {
        var file = settings.file();
        var retry = dev.concertina.runtime.online.LockRetry.DEFAULTS;
        var timeout = file.get(ConfigKey.DDL_LOCK_TIMEOUT);
        if (timeout.isPresent()) {
            retry = retry.withLockTimeout(Settings.duration(timeout.get().text(),
                    file.where(ConfigKey.DDL_LOCK_TIMEOUT) + ": ddl.lock-timeout"));
        }
        var patience = file.get(ConfigKey.DDL_LOCK_PATIENCE);
        if (patience.isPresent()) {
            retry = retry.withPatience(Settings.duration(patience.get().text(),
                    file.where(ConfigKey.DDL_LOCK_PATIENCE) + ": ddl.lock-patience"));
        }
        var retries = file.get(ConfigKey.DDL_LOCK_RETRIES);
        if (retries.isPresent()) {
            try {
                retry = retry.withRetries(Integer.parseInt(retries.get().text().strip()));
            } catch (NumberFormatException e) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, file.where(ConfigKey.DDL_LOCK_RETRIES)
                        + ": ddl.lock-retries: not a whole number: '" + retries.get().text() + "'");
            }
        }
        return retry;
    }

    private static String prompt(Io io, Settings settings, String url) {
        String who = settings.user().map(u -> u + " at ").orElse("") + url;
        return io.terminal().readPassword("Password for " + who + ": ")
                .map(String::new)
                .orElseThrow(() -> new ConcertinaException(ErrorCode.CONFIGURATION,
                        "cannot ask for the password: stdin is not a terminal; set " + PASSWORD_ENV));
    }

    /** SQLState class 28 is "invalid authorization specification" on every driver we ship. */
    private static boolean authenticationFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    private static URLClassLoader classLoader(Settings settings) {
        List<URL> urls = new ArrayList<>();
        for (Path p : settings.migrationsClasspath()) {
            if (!Files.exists(p)) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, "migrations class path entry " + p + " (from "
                        + settings.classpathOrigin() + ") does not exist: compile the migrations first (e.g. mvn package)");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, "migrations class path entry " + p + ": " + e.getMessage());
            }
        }
        // The parent gives the migrations this jar's runtime and jOOQ, so their types are ours.
        return new URLClassLoader(urls.toArray(URL[]::new), Session.class.getClassLoader());
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

    @Override
    public void close() {
        try {
            migrator.close();
        } finally {
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing to do: the process ends right after.
        }
    }
}
