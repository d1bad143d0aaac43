package dev.concertina.cli;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** Dependencies run one way along the pipeline: the CLI uses the API, and no front end uses another. */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.samples", "dev.concertina.testsupport");
    }
}
