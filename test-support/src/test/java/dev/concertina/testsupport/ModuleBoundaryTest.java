package dev.concertina.testsupport;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** The assertions are a shell over the Java API: never over the CLI (issue 13). */
class ModuleBoundaryTest {

    @Test
    void importsOnlyWhatThisModuleMayDependOn() {
        ModuleBoundaries.assertNoImports("dev.concertina.cli", "dev.concertina.samples", "picocli");
    }
}
