package dev.concertina.maven;

import dev.concertina.api.CheckReport;
import dev.concertina.api.Concertina;
import dev.concertina.api.Configuration;
import dev.concertina.api.Drift;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * The drift check, in {@code verify} by default: runs the migrations on a scratch H2 database and
 * compares the schema they build with the entities; a difference fails the build with the report
 * and exit code 6's meaning. With {@code -Dconcertina.check.database=true} it also checks the
 * database's version ({@code concertina.url}), failing on what is pending with
 * {@code concertina check}'s exit codes (2 expand pending, 4 contract pending, 5 unknown revisions).
 * Uses the compiled classes as they are: run it through {@code mvn verify}.
 */
@Mojo(
        name = "check",
        defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public class CheckMojo extends AbstractConcertinaMojo {

    /**
     * Also check the database's version against the migrations ({@code -Dconcertina.check.database});
     * off by default: a build's verify is about the code, the database may lag behind it.
     */
    @Parameter
    private Boolean checkDatabase;

    @Override
    protected void run() throws MojoFailureException, DependencyResolutionRequiredException {
        Configuration config = configuration();
        if (!config.hasEntities()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "check: no entities to compare with: set <modelsPackages>"
                            + " (or models.packages in concertina.properties, or a persistence unit)");
        }
        Concertina concertina = config.load();
        boolean withDatabase = Boolean.parseBoolean(
                setting("check.database", checkDatabase == null ? null : checkDatabase.toString(), null)
                        .orElse("false"));
        if (withDatabase && url().isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "check.database=true needs the database: set concertina.url");
        }
        // The database's version too, when asked (as `concertina check` does).
        Optional<CheckReport> database = withDatabase ? Optional.of(concertina.check()) : Optional.empty();
        Drift.Result drift = database.flatMap(CheckReport::drift).orElseGet(concertina::drift);
        if (drift.drifted()) {
            drift.report().lines().forEach(getLog()::error);
            getLog().error("write the missing migration with: mvn concertina:revision -Dconcertina.message=\"...\"");
        } else {
            getLog().info("entities match the schema the migrations build (" + drift.scratch() + ")");
        }
        int databaseCode = database.map(r -> r.status().checksumMismatches().isEmpty()
                        ? r.result().exitCode()
                        : CheckReport.CHANGED_REVISIONS)
                .orElse(0);
        String databaseMeaning = database.map(r -> databaseCode == CheckReport.CHANGED_REVISIONS
                        ? "applied revisions changed since they ran (exit code 7): "
                                + r.status().checksumMismatches().stream()
                                        .map(m -> m.describe())
                                        .collect(java.util.stream.Collectors.joining("; "))
                                + "; restore them, or accept the new code with `concertina repair --accept-checksums REV`"
                        : StatusLines.meaning(r.result(), r.status()))
                .orElse("");
        if (databaseCode != 0) {
            getLog().error("database: " + databaseMeaning);
        } else if (database.isPresent()) {
            getLog().info("database: " + databaseMeaning);
        }
        int code = CheckReport.exitCode(databaseCode, Optional.of(drift));
        if (code == CheckReport.DRIFT) {
            throw new MojoFailureException(
                    "concertina check failed with exit code 6: the entities differ from the schema"
                            + " the migrations build (drift)");
        }
        if (code != 0) {
            throw new MojoFailureException("concertina check failed with exit code " + code + ": " + databaseMeaning);
        }
    }
}
