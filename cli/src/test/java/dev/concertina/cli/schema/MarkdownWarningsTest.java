package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code diff --format markdown} names what was not compared also when nothing is planned (issue 12). */
class MarkdownWarningsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void emptyPlanStillShowsWarnings(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            db.execute("create view person_names as select * from person");
            Run md = run(dir, db, concat(concat(new String[] {"diff"}, models("v1")), new String[] {"--format", "markdown"}));
            assertEquals(0, md.exit(), md::toString);
            assertTrue(md.out().contains("**Warnings**") && md.out().contains("not compared: view"), md::toString);
        }
    }
}
