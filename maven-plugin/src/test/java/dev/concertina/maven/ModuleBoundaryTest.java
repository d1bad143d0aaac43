package dev.concertina.maven;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    /** A shell over the Java API: never the command line's classes. */
    @Test
    void usesTheApiNotTheCli() {
        ModuleBoundaries.assertNoImports("dev.concertina.cli", "picocli", "dev.concertina.testsupport", "dev.concertina.spring");
    }
}
