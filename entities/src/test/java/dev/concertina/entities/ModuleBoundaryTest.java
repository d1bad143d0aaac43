package dev.concertina.entities;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** docs/architecture.md, "Modules": dependencies run one way along the pipeline. */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.codegen", "dev.concertina.api", "dev.concertina.cli", "schemacrawler", "us.fatehi", "com.palantir", "picocli");
    }
}
