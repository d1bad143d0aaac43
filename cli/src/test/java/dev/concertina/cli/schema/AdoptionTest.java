package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adopting a database another tool built, in a project with no migration yet (docs/adoption.md):
 * version_control, then the first revision --autogenerate.
 */
class AdoptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void versionControlThenTheFirstRevisionWithoutAnyMigration(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            Files.createDirectories(dir.resolve("classes"));
            String[] migrations = {"--migrations-package", "com.example.adopt.migrations",
                    "--migrations-classpath", dir.resolve("classes").toString()};

            Run vc = run(dir, db, concat(new String[] {"version_control"}, migrations));
            assertEquals(0, vc.exit(), vc::toString);
            assertTrue(vc.out().contains("under version control at base; no migration ran"), vc::toString);

            // The entities match what is there: nothing to write, and nothing needed compiling.
            Run same = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "adopt",
                    "--source", dir.resolve("src").toString()}, migrations), models("v1")));
            assertEquals(0, same.exit(), same::toString);
            assertTrue(same.out().contains("nothing written"), same::toString);

            // Once the entities ask for more, the first revision is written, with no parent.
            db.execute(kind == DbKind.H2 ? "alter table \"PERSON\" drop column \"AGE\"" : "alter table person drop column age");
            Run first = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "person age",
                    "--source", dir.resolve("src").toString()}, migrations), models("v1")));
            assertEquals(0, first.exit(), first::toString);
            assertTrue(first.out().contains("expand revision"), first::toString);
            try (var files = Files.list(dir.resolve("src/com/example/adopt/migrations/expand"))) {
                assertEquals(1, files.count(), first::toString);
            }
        }
    }
}
