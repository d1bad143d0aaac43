package dev.concertina.maven;

import dev.concertina.api.Concertina;
import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.SyncScope;
import java.util.List;
import java.util.Locale;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Brings the database to the code's heads: expand, then contract ({@code -Dconcertina.phase=expand}
 * or {@code contract} for one phase of a rolling upgrade). Compiles the project first.
 */
@Mojo(name = "sync", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class SyncMojo extends AbstractConcertinaMojo {

    /** {@code all} (default), {@code expand} or {@code contract} ({@code -Dconcertina.phase}). */
    @Parameter
    private String phase;

    @Override
    protected void run() throws DependencyResolutionRequiredException {
        SyncScope scope = scope(setting("phase", phase, null).orElse("all"));
        Concertina concertina = configuration().load();
        long start = System.nanoTime();
        List<AppliedRevision> applied = concertina.sync(scope);
        long ms = (System.nanoTime() - start) / 1_000_000;
        getLog().info(
                        applied.isEmpty()
                                ? "nothing to do"
                                : applied.size() + (applied.size() == 1 ? " migration" : " migrations") + " in " + ms
                                        + " ms");
        StatusLines.versions(concertina.version()).forEach(getLog()::info);
    }

    static SyncScope scope(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "all":
                return SyncScope.ALL;
            case "expand":
                return SyncScope.EXPAND;
            case "contract":
                return SyncScope.CONTRACT;
            default:
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "concertina.phase=" + text + ": expected all, expand or contract");
        }
    }
}
