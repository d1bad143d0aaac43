package dev.concertina.maven;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** The plugin is a shell over the Java API (docs/java-api.md): never over the CLI or another front end. */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.cli", "dev.concertina.testsupport", "dev.concertina.spring",
                "dev.concertina.samples", "picocli");
    }
}
