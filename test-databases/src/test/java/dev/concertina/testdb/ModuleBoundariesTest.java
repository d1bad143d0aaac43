package dev.concertina.testdb;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleBoundariesTest {

    @Test
    void reportsAForbiddenImport() {
        // This module's own sources import org.junit, so forbidding it must fail and name the file.
        AssertionError e = assertThrows(AssertionError.class, () -> ModuleBoundaries.assertNoImports("org.junit"));
        assertTrue(e.getMessage().contains("FreshDatabase.java uses org.junit"), e.getMessage());
    }

    @Test
    void testDatabasesUseNoConcertinaModule() {
        ModuleBoundaries.assertNoImports("dev.concertina.runtime", "dev.concertina.engine", "org.jooq");
    }
}
