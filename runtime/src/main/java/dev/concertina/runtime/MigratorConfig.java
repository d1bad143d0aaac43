package dev.concertina.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Migrator} reaches the database and finds the migrations.
 *
 * <pre>{@code
 * MigratorConfig config = MigratorConfig.builder()
 *         .url("jdbc:postgresql://db/app").user("app").password(secret)
 *         .migrations(getClass().getClassLoader(), "com.example.migrations")
 *         .lockTimeout(Duration.ofMinutes(2))
 *         .listener(myListener)
 *         .build();
 * }</pre>
 */
public final class MigratorConfig {

    /** Default wait for the migration lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final String user;
    private final String password;
    private final MigrationSource source;
    private final Duration lockTimeout;
    private final MigrationListener listener;
    private final String appliedBy;
    private final dev.concertina.runtime.online.LockRetry lockRetry;

    private MigratorConfig(Builder b) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.source = b.source;
        this.lockTimeout = b.lockTimeout;
        this.listener = b.listener;
        this.appliedBy = b.appliedBy;
        this.lockRetry = b.lockRetry;
    }

    /** How DDL statements wait for their table locks (docs/expand.md, "Online DDL"). */
    public dev.concertina.runtime.online.LockRetry lockRetry() {
        return lockRetry;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public MigrationSource source() {
        return source;
    }

    public Duration lockTimeout() {
        return lockTimeout;
    }

    public MigrationListener listener() {
        return listener;
    }

    /** Who the history records as having run the migrations ({@code user@host pid N} by default). */
    public String appliedBy() {
        return appliedBy;
    }

    public static final class Builder {
        private String url;
        private String user = "";
        private String password = "";
        private MigrationSource source;
        private ClassLoader loader;
        private String packageName;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private MigrationListener listener = MigrationListener.NONE;
        private String appliedBy = defaultAppliedBy();
        private dev.concertina.runtime.online.LockRetry lockRetry = dev.concertina.runtime.online.LockRetry.DEFAULTS;

        private Builder() {}

        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Scan {@code packageName} (and its subpackages) on {@code loader} when the migrator opens. */
        public Builder migrations(ClassLoader loader, String packageName) {
            this.loader = Objects.requireNonNull(loader, "loader");
            this.packageName = Objects.requireNonNull(packageName, "packageName");
            this.source = null;
            return this;
        }

        /** Use migrations already found. */
        public Builder migrations(MigrationSource source) {
            this.source = Objects.requireNonNull(source, "source");
            this.loader = null;
            this.packageName = null;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            if (lockTimeout.isNegative()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "lock timeout must not be negative: " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How DDL statements of migrations wait for their table locks: timeout per attempt, retries, patience. */
        public Builder lockRetry(dev.concertina.runtime.online.LockRetry lockRetry) {
            this.lockRetry = Objects.requireNonNull(lockRetry, "lockRetry");
            return this;
        }

        public Builder appliedBy(String appliedBy) {
            this.appliedBy = Objects.requireNonNull(appliedBy, "appliedBy");
            return this;
        }

        /**
         * @throws ConcertinaException (CONFIGURATION) when the URL or the migrations are missing
         */
        public MigratorConfig build() {
            if (url == null || url.isBlank()) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "no database URL configured: give --url or url= in concertina.properties");
            }
            Dialect.fromUrl(url);
            if (source == null && loader == null) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "no migrations configured: give a class path and package (migrations.package=)");
            }
            if (source == null) {
                source = MigrationSource.scan(loader, packageName);
            }
            return new MigratorConfig(this);
        }

        private static String defaultAppliedBy() {
            String who = Optional.ofNullable(System.getProperty("user.name")).orElse("unknown");
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                host = "localhost";
            }
            return who + "@" + host + " pid " + ProcessHandle.current().pid();
        }
    }
}
