package dev.concertina.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/render/}, named after the test method. Run with
 * {@code -Dconcertina.golden.update=true} to rewrite them after a deliberate change, then review
 * the diff.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/render");

    private Golden() {}

    static void assertMatches(String fileName, String actual) throws IOException {
        Path file = DIR.resolve(fileName);
        if (Boolean.getBoolean("concertina.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            throw new AssertionError("missing golden file " + file + " (run with -Dconcertina.golden.update=true and review it)");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
    }
}
