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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hints.file} key (and {@code --hints}): a file of hints read by diff, revision --autogenerate and check. */
class HintsFileTest {

    @TempDir
    Path dir;

    private String[] migrations() {
        return new String[] {"--migrations-package", "com.example.hinted", "--migrations-classpath", dir.resolve("classes").toString()};
    }

    @Test
    void theHintsFileKeyDecidesRenamesAndABadFileIsOneLine() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            SchemaCli.createSchema(db, "v1");
            Files.createDirectories(dir.resolve("conf"));
            // Relative to the properties file's folder, not the working directory.
            Files.writeString(dir.resolve("conf/concertina.properties"), "hints.file = release.hints\n");
            Files.writeString(dir.resolve("conf/release.hints"), "# confirmed in review\nrename column person.fullname -> display_name\n");
            String[] config = {"--config", dir.resolve("conf/concertina.properties").toString()};

            Run diff = run(dir, db, concat(concat(new String[] {"diff"}, config), models("v2")));
            assertEquals(6, diff.exit(), diff::toString);
            assertTrue(diff.out().contains("rename column"), diff::toString);

            Run revision = run(dir, db, concat(concat(concat(new String[] {"revision", "--autogenerate", "-m", "display name",
                    "--source", dir.resolve("src").toString()}, config), migrations()), models("v2")));
            assertEquals(0, revision.exit(), revision::toString);
            assertTrue(revision.out().contains("contract revision"), revision::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));

            // The same stale hint from the hints file and the command line: one warning, once.
            Files.writeString(dir.resolve("concertina.ignore"), "[hints]\nrename column person.fullname -> display_name\n");
            Files.createDirectories(dir.resolve("none"));
            Run stale = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "nothing",
                    "--source", dir.resolve("src2").toString(), "--rename", "person.fullname=display_name",
                    "--migrations-package", "com.example.none", "--migrations-classpath", dir.resolve("none").toString()}, config), models("v1")));
            assertEquals(0, stale.exit(), stale::toString);
            assertEquals(1, stale.err().lines().filter(l -> l.contains("matches nothing")).count(), stale::toString);
            Files.delete(dir.resolve("concertina.ignore"));

            // --hints wins over the key; a malformed file is one line naming file, line and column.
            Files.writeString(dir.resolve("bad.hints"), "rename column person.fullname display_name\n");
            for (String command : new String[] {"diff", "check"}) {
                Run bad = run(dir, db, concat(concat(new String[] {command, "--hints", "bad.hints"}, concat(config, migrations())), models("v2")));
                assertEquals(1, bad.exit(), bad::toString);
                assertEquals(1, bad.err().lines().count(), bad::toString);
                assertTrue(bad.err().contains("bad.hints:1:"), bad::toString);
            }

            // Ignore rules do not belong in a hints file.
            Files.writeString(dir.resolve("conf/release.hints"), "[ignore]\ntable audit reason \"x\"\n");
            Run rules = run(dir, db, concat(concat(new String[] {"diff"}, config), models("v2")));
            assertEquals(1, rules.exit(), rules::toString);
            assertTrue(rules.err().contains("release.hints:1:") && rules.err().contains("[ignore] in a hints file"), rules::toString);

            Files.delete(dir.resolve("conf/release.hints"));
            for (String command : new String[] {"diff", "check"}) {
                Run missing = run(dir, db, concat(concat(new String[] {command}, concat(config, migrations())), models("v2")));
                assertEquals(1, missing.exit(), missing::toString);
                assertEquals(1, missing.err().lines().count(), missing::toString);
                assertTrue(missing.err().contains("concertina.properties:1: hints file release.hints does not exist"), missing::toString);
            }
        }
    }
}
