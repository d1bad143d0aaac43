package dev.concertina.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the revision each branch of the database is at, and the code's heads. Compiles the project first. */
@Mojo(name = "version", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class VersionMojo extends AbstractConcertinaMojo {

    @Override
    protected void run() throws DependencyResolutionRequiredException {
        StatusLines.versions(configuration().load().version()).forEach(getLog()::info);
    }
}
