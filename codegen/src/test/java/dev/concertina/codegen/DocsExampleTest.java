package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated class docs/codegen.md shows is real output: the {@code rename_column} case's
 * expand class, exactly as {@link MigrationWriter} writes it today.
 */
class DocsExampleTest {

    static final Path DOC = Path.of("..", "docs", "codegen.md");

    @Test
    void theDocsExampleIsWhatCodegenWrites() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String heading = "## What a generated class looks like";
        int section = doc.indexOf(heading);
        assertTrue(section >= 0, DOC + " has the section '" + heading + "'");
        int start = doc.indexOf("```java\n", section);
        int end = doc.indexOf("\n```\n", start);
        assertTrue(start > 0 && end > start, DOC + ": a java block in '" + heading + "'");
        String shown = doc.substring(start + "```java\n".length(), end + 1);

        Scenario s = Cases.named("rename_column").orElseThrow();
        GeneratedMigration expand = s.generate(s.base().get(0).revision()).get(0);
        assertEquals(expand.source(), shown, DOC
                + ": the example must be the rename_column case's expand class as generated");
    }
}
