package dev.concertina.maven;

import dev.concertina.api.Concertina;
import dev.concertina.api.Configuration;
import dev.concertina.api.RevisionResult;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the migration classes that bring the schema to the entities, into {@code src/main/java}
 * (or {@code migrations.source}): {@code mvn concertina:revision -Dconcertina.message="add email"}.
 * The schema compared is the database's ({@code concertina.url}, at the code's heads) or, without
 * a URL, the one the migrations build on a scratch H2 database. {@code -Dconcertina.branch=expand}
 * (or {@code contract}) writes an empty revision to fill in instead. Compiles the project first.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class RevisionMojo extends AbstractConcertinaMojo {

    /** One line saying what the revision does ({@code -Dconcertina.message}). */
    @Parameter
    private String message;

    /** {@code expand} or {@code contract}: an empty revision of that branch ({@code -Dconcertina.branch}). */
    @Parameter
    private String branch;

    /** A release milestone the revision carries ({@code -Dconcertina.milestone}). */
    @Parameter
    private String milestone;

    @Override
    protected void run() throws DependencyResolutionRequiredException {
        String what = setting("message", message, null)
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION, "revision: no message: give -Dconcertina.message=\"what it does\""));
        Optional<String> mark = setting("milestone", milestone, null);
        Path source = sourceDirectory();
        Configuration config = configuration();
        Optional<String> empty = setting("branch", branch, null);
        RevisionResult result;
        if (empty.isPresent()) {
            result = config.load().emptyRevision(branch(empty.get()), what, source, mark);
        } else if (url().isPresent()) {
            result = config.load().revision(what, source, mark);
        } else {
            getLog().info(
                            "no concertina.url: comparing the entities with the schema the migrations build on a scratch H2 database");
            String scratch = "jdbc:h2:mem:concertina_revision_"
                    + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + ";DB_CLOSE_DELAY=-1";
            Concertina concertina = config.url(scratch).user("sa").password("").load();
            try {
                concertina.sync();
                result = concertina.revision(what, source, mark);
            } finally {
                ScratchH2.shutdown(scratch);
            }
        }
        if (result.isEmpty()) {
            getLog().info("no differences between the entities and the schema: nothing written");
            return;
        }
        for (RevisionResult.Written w : result.files()) {
            getLog().info("wrote " + project.getBasedir().toPath().relativize(w.file()) + " ("
                    + w.branch().label() + " revision " + w.revision() + ")");
        }
        result.summary().forEach(getLog()::info);
        getLog().info(
                        "review them, then mvn concertina:sync (-Dconcertina.phase=expand / contract for a rolling upgrade)");
    }

    static Branch branch(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "expand":
                return Branch.EXPAND;
            case "contract":
                return Branch.CONTRACT;
            default:
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "concertina.branch=" + text + ": expected expand or contract");
        }
    }
}
