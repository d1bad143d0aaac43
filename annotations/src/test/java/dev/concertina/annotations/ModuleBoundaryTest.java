package dev.concertina.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.testdb.ModuleBoundaries;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

    @Test
    void dependsOnNothingButTheJdk() {
        ModuleBoundaries.assertNoImports("dev.concertina.runtime", "dev.concertina.engine", "dev.concertina.entities",
                "dev.concertina.codegen", "dev.concertina.api", "dev.concertina.cli", "org", "com", "jakarta", "picocli", "us", "schemacrawler");
    }

    @Test
    void isVisibleAtRunTimeSoReadersCanSeeIt() {
        assertEquals(RetentionPolicy.RUNTIME, RenamedFrom.class.getAnnotation(java.lang.annotation.Retention.class).value());
    }
}
