package dev.concertina.maven;

import dev.concertina.api.DiffResult;
import dev.concertina.engine.plan.PlanJson;
import dev.concertina.engine.plan.PlanMarkdown;
import dev.concertina.engine.plan.PlanText;
import dev.concertina.engine.plan.RenderOptions;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the database with the entities and prints the plan, each change in its phase with its
 * hazards. Writes nothing. Compiles the project first.
 */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DiffMojo extends AbstractConcertinaMojo {

    /** {@code text} (default), {@code markdown} or {@code json} ({@code -Dconcertina.format}). */
    @Parameter
    private String format;

    /** Only this phase: {@code expand} or {@code contract} ({@code -Dconcertina.phase}). */
    @Parameter
    private String phase;

    @Override
    protected void run() throws DependencyResolutionRequiredException {
        Optional<Branch> only = setting("phase", phase, null).map(DiffMojo::phase);
        String how = setting("format", format, null).orElse("text").toLowerCase(Locale.ROOT);
        DiffResult result = configuration().load().diff();
        result.plan().requireDecided();
        RenderOptions options = RenderOptions.ALL.forDialect(result.dialect());
        if (only.isPresent()) {
            options = options.onlyPhase(only.get());
        }
        String text;
        switch (how) {
            case "text":
                text = PlanText.render(result.plan(), options);
                break;
            case "markdown":
                text = PlanMarkdown.render(result.plan(), options);
                break;
            case "json":
                text = PlanJson.render(result.plan(), options);
                break;
            default:
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "concertina.format=" + how + ": expected text, markdown or json");
        }
        text.lines().forEach(getLog()::info);
        if (result.exitCode(only) == 0) {
            getLog().info("no differences between the entities and the database");
        }
    }

    static Branch phase(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "expand":
                return Branch.EXPAND;
            case "contract":
                return Branch.CONTRACT;
            default:
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "concertina.phase=" + text + ": expected expand or contract");
        }
    }
}
