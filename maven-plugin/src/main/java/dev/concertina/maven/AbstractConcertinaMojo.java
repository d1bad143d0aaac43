package dev.concertina.maven;

import dev.concertina.api.Concertina;
import dev.concertina.api.Configuration;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: the settings, read from {@code -Dconcertina.<key>}, then the POM's
 * {@code <configuration>}, then {@code concertina.properties} (docs/maven-plugin.md); the password
 * from {@code CONCERTINA_PASSWORD} or a settings.xml {@code <server>}; the project's own class path;
 * and one-line errors.
 */
abstract class AbstractConcertinaMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** JDBC URL of the database ({@code -Dconcertina.url}, {@code url} in concertina.properties). */
    @Parameter
    private String url;

    /** The database user ({@code -Dconcertina.user}). */
    @Parameter
    private String user;

    /** The settings.xml {@code <server>} whose username and password are used ({@code -Dconcertina.server-id}). */
    @Parameter
    private String serverId;

    /** The migrations' package; expand and contract revisions sit in its subpackages ({@code -Dconcertina.migrations.package}). */
    @Parameter
    private String migrationsPackage;

    /** The entities' packages ({@code -Dconcertina.models.packages=a.b,c.d}). */
    @Parameter
    private List<String> modelsPackages;

    /** A persistence unit naming the entities instead of packages ({@code -Dconcertina.models.persistence-unit}). */
    @Parameter
    private String persistenceUnit;

    /** The ignore-rules file (default: {@code concertina.ignore} beside the POM, when there is one). */
    @Parameter
    private File rulesFile;

    /** A file of rename, conversion and backfill hints. */
    @Parameter
    private File hintsFile;

    /** How long to wait for another process's migration lock: {@code 30s}, {@code 2m}, {@code 500ms}. */
    @Parameter
    private String lockTimeout;

    /** The properties file read for settings not given otherwise. */
    @Parameter(defaultValue = "${project.basedir}/concertina.properties")
    private File configFile;

    /** Skips the goal ({@code -Dconcertina.skip}). */
    @Parameter(property = "concertina.skip", defaultValue = "false")
    private boolean skip;

    @Component
    private SettingsDecrypter decrypter;

    private ProjectProperties file;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("skipped (concertina.skip)");
            return;
        }
        QuietLibraries.apply();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            file = ProjectProperties.read(configFile.toPath());
            run();
        } catch (ConcertinaException e) {
            throw new MojoFailureException(oneLine(e.getMessage()), e);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's class path is not resolved: " + oneLine(e.getMessage()), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The goal itself; a {@link ConcertinaException} becomes the build's one error line. */
    protected abstract void run() throws MojoFailureException, DependencyResolutionRequiredException;

    static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    // ---------------------------------------------------------------- settings

    /** {@code -Dconcertina.<key>}, else the POM's value, else concertina.properties' {@code fileKey}. */
    protected Optional<String> setting(String key, String pomValue, String fileKey) {
        String cli = session.getUserProperties().getProperty("concertina." + key);
        if (cli != null && !cli.isBlank()) {
            return Optional.of(cli.strip());
        }
        if (pomValue != null && !pomValue.isBlank()) {
            return Optional.of(pomValue.strip());
        }
        return fileKey == null ? Optional.empty() : file.get(fileKey);
    }

    private Optional<Path> pathSetting(String key, File pomValue, String fileKey) {
        String cli = session.getUserProperties().getProperty("concertina." + key);
        if (cli != null && !cli.isBlank()) {
            return Optional.of(
                    project.getBasedir().toPath().resolve(cli.strip()).normalize());
        }
        if (pomValue != null) {
            return Optional.of(pomValue.toPath());
        }
        return file.path(fileKey);
    }

    protected Optional<String> url() {
        return setting("url", url, "url");
    }

    /** Where {@code revision} writes: {@code migrations.source}, else the project's {@code src/main/java}. */
    protected Path sourceDirectory() {
        return pathSetting("migrations.source", null, "migrations.source")
                .orElse(Path.of(project.getBuild().getSourceDirectory()));
    }

    /**
     * The configuration every goal starts from: the database (when a URL is set), the migrations
     * and the entities on the project's compile and runtime class path.
     */
    protected Configuration configuration() throws DependencyResolutionRequiredException {
        if (session.getUserProperties().getProperty("concertina.password") != null) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "concertina.password is not read (it would show in"
                            + " the process list): set CONCERTINA_PASSWORD or a <server> in Maven's settings.xml");
        }
        List<Path> classPath = classPath();
        Configuration c = Concertina.configure()
                .listener(new MavenLogListener(getLog()))
                .migrationsClassPath(classPath)
                .entityClassPath(classPath);
        c = c.migrationsPackage(setting("migrations.package", migrationsPackage, "migrations.package")
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "no migrations package: set"
                                + " <migrationsPackage> in the plugin's <configuration>, migrations.package in "
                                + file.file().getFileName() + " or -Dconcertina.migrations.package")));
        Optional<String> packages = setting(
                "models.packages", modelsPackages == null ? null : String.join(",", modelsPackages), "models.packages");
        if (packages.isPresent()) {
            c = c.entityPackages(Arrays.stream(packages.get().split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
        }
        Optional<String> unit = setting("models.persistence-unit", persistenceUnit, "models.persistence-unit");
        if (unit.isPresent()) {
            c = c.persistenceUnit(unit.get());
        }
        Optional<Path> rules = pathSetting("ignore.file", rulesFile, "ignore.file");
        Path defaultRules = project.getBasedir().toPath().resolve("concertina.ignore");
        if (rules.isPresent()) {
            c = c.rulesFile(rules.get());
        } else if (Files.isRegularFile(defaultRules)) {
            c = c.rulesFile(defaultRules);
        }
        Optional<Path> hints = pathSetting("hints.file", hintsFile, "hints.file");
        if (hints.isPresent()) {
            c = c.hintsFile(hints.get());
        }
        Optional<String> timeout = setting("lock.timeout", lockTimeout, "lock.timeout");
        if (timeout.isPresent()) {
            c = c.lockTimeout(duration(timeout.get()));
        }
        Optional<String> databaseUrl = url();
        if (databaseUrl.isPresent()) {
            Credentials who = Credentials.of(
                    session.getSettings(),
                    decrypter,
                    setting("server-id", serverId, null).orElse(Credentials.DEFAULT_SERVER_ID),
                    setting("user", user, "user"),
                    System.getenv("CONCERTINA_PASSWORD"));
            c = c.url(databaseUrl.get()).user(who.user()).password(who.password());
        }
        return c;
    }

    /** The project's own output and dependencies (compile and runtime scopes): no class path by hand. */
    private List<Path> classPath() throws DependencyResolutionRequiredException {
        Set<String> elements = new LinkedHashSet<>(project.getCompileClasspathElements());
        elements.addAll(project.getRuntimeClasspathElements());
        return elements.stream().map(Path::of).toList();
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(
                        Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(
                        Long.parseLong(t.substring(0, t.length() - 1).strip()));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(
                        Long.parseLong(t.substring(0, t.length() - 1).strip()));
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new ConcertinaException(
                ErrorCode.CONFIGURATION, "lock timeout '" + text + "': expected e.g. 30s, 2m or 500ms");
    }
}
