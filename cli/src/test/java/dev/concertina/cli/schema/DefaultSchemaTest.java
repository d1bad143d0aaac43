package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code hibernate.default_schema} naming another schema than the connection's fails in one line
 * saying how to connect to it, instead of comparing the connection's schema silently (issue 12).
 */
class DefaultSchemaTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anotherSchemaThanTheConnectionsFails(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            String[] diff = concat(new String[] {"diff"}, models("v1"));

            Run other = run(dir, db, concat(diff, new String[] {"--hibernate", "hibernate.default_schema=billing"}));
            assertNotEquals(0, other.exit(), other::toString);
            assertEquals("", other.out(), other::toString);
            // The name as the database folds it (BILLING on H2).
            assertTrue(other.err().toLowerCase(java.util.Locale.ROOT).contains("hibernate.default_schema is \"billing\"")
                    && other.err().contains("\"" + db.schema() + "\""), other::toString);
            assertEquals(1, other.err().strip().lines().count(), other::toString);

            Run same = run(dir, db, concat(diff, new String[] {"--hibernate", "hibernate.default_schema=" + db.schema()}));
            assertEquals(0, same.exit(), same::toString);
        }
    }
}
