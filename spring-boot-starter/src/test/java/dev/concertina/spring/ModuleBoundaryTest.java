package dev.concertina.spring;

import dev.concertina.testdb.ModuleBoundaries;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    /** At startup the starter needs the runtime only: the application's Hibernate stays its own. */
    @Test
    void usesOnlyTheRuntime() {
        ModuleBoundaries.assertNoImports("dev.concertina.rules", "dev.concertina.engine", "dev.concertina.entities",
                "dev.concertina.codegen", "dev.concertina.cli", "dev.concertina.api", "org.hibernate", "jakarta.persistence",
                "schemacrawler", "us.fatehi", "com.palantir", "picocli");
    }
}
