package dev.concertina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPropertiesTest {

    @TempDir
    Path dir;

    private ProjectProperties read(String text) throws Exception {
        Path file = dir.resolve("concertina.properties");
        Files.writeString(file, text);
        return ProjectProperties.read(file);
    }

    @Test
    void readsTheCliKeysWithPathsRelativeToTheFile() throws Exception {
        ProjectProperties p = read("# the shop\nurl = jdbc:h2:./db\nmigrations.source: src/main/java\nmodels.classpath = ignored\n");
        assertEquals(Optional.of("jdbc:h2:./db"), p.get("url"));
        assertEquals(Optional.of(dir.resolve("src/main/java")), p.path("migrations.source"));
    }

    @Test
    void aMissingFileIsNoSettings() {
        assertEquals(Optional.empty(), ProjectProperties.read(dir.resolve("none.properties")).get("url"));
    }

    @Test
    void mistakesNameTheFileAndLine() {
        String file = dir.resolve("concertina.properties").toString();
        assertEquals(file + ":2: unknown key 'ulr'; known keys: dialect, hints.file, ignore.file, lock.timeout, migrations.classpath,"
                + " migrations.package, migrations.source, models.classpath, models.packages, models.persistence-unit, url, user",
                assertThrows(ConcertinaException.class, () -> read("url = x\nulr = y\n")).getMessage());
        assertEquals(file + ":1: a password does not belong in a file; set CONCERTINA_PASSWORD or a <server> in Maven's settings.xml",
                assertThrows(ConcertinaException.class, () -> read("password = hunter2\n")).getMessage());
        assertEquals(file + ":2: key 'url' repeats line 1",
                assertThrows(ConcertinaException.class, () -> read("url = a\nurl = b\n")).getMessage());
        assertTrue(assertThrows(ConcertinaException.class, () -> read("just words\n")).getMessage().endsWith(":1: expected 'key = value'"));
    }

    @Test
    void lockTimeoutsReadAsTheCliReadsThem() {
        assertEquals(Duration.ofSeconds(30), AbstractConcertinaMojo.duration("30s"));
        assertEquals(Duration.ofMinutes(2), AbstractConcertinaMojo.duration("2m"));
        assertEquals(Duration.ofMillis(500), AbstractConcertinaMojo.duration("500ms"));
        assertEquals("lock timeout 'soon': expected e.g. 30s, 2m or 500ms",
                assertThrows(ConcertinaException.class, () -> AbstractConcertinaMojo.duration("soon")).getMessage());
    }
}
