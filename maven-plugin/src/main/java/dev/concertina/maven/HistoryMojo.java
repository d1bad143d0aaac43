package dev.concertina.maven;

import dev.concertina.runtime.HistoryEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Lists applied and attempted revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class HistoryMojo extends AbstractConcertinaMojo {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    protected void run() throws DependencyResolutionRequiredException {
        List<HistoryEntry> entries = configuration().load().history();
        if (entries.isEmpty()) {
            getLog().info("no history: nothing has been applied");
        }
        for (HistoryEntry e : entries) {
            getLog().info(String.format(
                    "%s  %-9s %-8s %-12s %-11s %6d ms  %s%s",
                    WHEN.format(e.appliedAt()),
                    e.direction().label(),
                    e.branch().label(),
                    e.revision(),
                    e.outcome().label(),
                    e.duration().toMillis(),
                    e.appliedBy(),
                    e.error().map(m -> "  " + oneLine(m)).orElse("")));
        }
    }
}
