package dev.concertina.samples.bookshop;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** An application's migrations need the runtime and jOOQ only (docs/architecture.md, "Modules"). */
class ModuleBoundaryTest {

    @Test
    void importsOnlyTheRuntime() {
        ModuleBoundaries.assertNoImports("dev.concertina.engine", "dev.concertina.entities", "dev.concertina.codegen", "dev.concertina.api", "dev.concertina.cli", "dev.concertina.rules", "schemacrawler", "us.fatehi", "org.hibernate", "com.palantir", "picocli");
    }
}
