package dev.concertina.api;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** Dependencies run one way along the pipeline: the front ends use the API, never the reverse. */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.cli", "dev.concertina.testsupport", "dev.concertina.samples",
                "picocli", "org.junit", "org.opentest4j");
    }
}
