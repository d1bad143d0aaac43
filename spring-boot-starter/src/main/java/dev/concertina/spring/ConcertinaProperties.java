package dev.concertina.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code concertina.*} properties of a Spring Boot application (docs/spring-boot.md).
 */
@ConfigurationProperties("concertina")
public class ConcertinaProperties {

    /** Whether Concertina checks (and, if asked, expands) the schema at startup. */
    private boolean enabled = true;

    /** The package of the migration classes; expand and contract revisions sit in its subpackages. */
    private String migrationsPackage;

    /** Refuse to start when the database lacks an expand revision this code needs. */
    private boolean startupGuard = true;

    /**
     * {@code none} (default) or {@code expand}: bring the expand branch to head before the application
     * starts. Contract never runs at startup: the previous release may still be running.
     */
    private String syncOnStartup = "none";

    /** A JDBC URL of its own for migrations (another user, say); default: the application's data source. */
    private String url;

    /** The user for {@link #url}. */
    private String user;

    /** The password for {@link #url}. */
    private String password;

    /** How long a sync at startup waits for the migration lock another instance holds. */
    private Duration lockTimeout = Duration.ofSeconds(60);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getMigrationsPackage() {
        return migrationsPackage;
    }

    public void setMigrationsPackage(String migrationsPackage) {
        this.migrationsPackage = migrationsPackage;
    }

    public boolean isStartupGuard() {
        return startupGuard;
    }

    public void setStartupGuard(boolean startupGuard) {
        this.startupGuard = startupGuard;
    }

    public String getSyncOnStartup() {
        return syncOnStartup;
    }

    public void setSyncOnStartup(String syncOnStartup) {
        this.syncOnStartup = syncOnStartup;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }
}
