package dev.concertina.samples;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** docs/architecture.md, "Modules": dependencies run one way along the pipeline. */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.engine", "dev.concertina.entities", "dev.concertina.codegen", "dev.concertina.api", "dev.concertina.cli", "dev.concertina.rules", "schemacrawler", "us.fatehi", "org.hibernate", "com.palantir", "picocli");
    }
}
