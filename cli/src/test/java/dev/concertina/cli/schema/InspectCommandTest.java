package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code concertina inspect}: both sides, both formats, on every database. */
class InspectCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void databaseAndModelsPrintTheSameSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            Run fromDb = run(dir, db, "inspect");
            assertEquals(0, fromDb.exit(), fromDb::toString);
            String person = SchemaCli.dialect(kind).foldUnquoted("person");
            assertTrue(fromDb.out().contains(person), fromDb::toString);
            assertTrue(fromDb.out().contains(SchemaCli.dialect(kind).foldUnquoted("fullname")), fromDb::toString);

            // The models, read for this database's dialect and version, print the same text.
            Run fromModels = run(dir, db, concat(new String[] {"inspect", "--from", "models"}, models("v1")));
            assertEquals(0, fromModels.exit(), fromModels::toString);

            Run json = run(dir, db, "inspect", "--format", "json");
            assertEquals(0, json.exit(), json::toString);
            // Each side in its own words (the database's type names, Hibernate's): the same schema in neutral terms.
            Run modelsJson = run(dir, db, concat(new String[] {"inspect", "--from", "models", "--format", "json"}, models("v1")));
            assertEquals(neutral(json.out()), neutral(modelsJson.out()));
            assertTrue(json.out().strip().startsWith("{"), json::toString);
            assertTrue(json.out().contains("\"concertina-schema/1\""), json::toString);
            assertTrue(json.out().contains("\"" + person + "\""), json::toString);
            Run jsonModels = run(dir, db, concat(new String[] {"inspect", "--from", "models", "--format", "json"}, models("v1")));
            assertTrue(jsonModels.out().contains("\"" + person + "\""), jsonModels::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void ownTablesAreNotShown(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            db.execute("create table concertina_version (branch varchar(20) primary key)");
            Run r = run(dir, db, "inspect");
            assertEquals(0, r.exit(), r::toString);
            assertFalse(r.out().toLowerCase().contains("concertina_"), r::toString);
        }
    }

    @Test
    void modelsWithoutADatabaseNeedADialect() {
        Run r = run(dir, null, concat(new String[] {"inspect", "--from", "models"}, models("v1")));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("--dialect"), r::toString);

        Run pg = run(dir, null, concat(new String[] {"inspect", "--from", "models", "--dialect", "postgres"}, models("v1")));
        assertEquals(0, pg.exit(), pg::toString);
        assertTrue(pg.out().contains("person") && pg.out().contains("fullname"), pg::toString);
        Run h2 = run(dir, null, concat(new String[] {"inspect", "--from", "models", "--dialect", "h2:2.5"}, models("v1")));
        assertTrue(h2.out().contains("PERSON"), h2::toString);
    }

    @Test
    void modelsConfiguredInThePropertiesFile() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("concertina.properties"), "dialect = postgres\n"
                + "models.classpath = " + SchemaCli.TEST_CLASSES.toString().replace("\\", "/") + "\n"
                + "models.packages = " + SchemaCli.FIXTURES + "v1\n");
        Run r = run(dir, null, "inspect", "--from", "models");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("team"), r::toString);
    }

    @Test
    void hibernateSettingsFromTheFileAndTheCommandLineReachTheModels() throws Exception {
        // Quoted names keep their case on H2: "person", not PERSON.
        Run quoted = run(dir, null, concat(new String[] {"inspect", "--from", "models", "--dialect", "h2",
                "--hibernate", "hibernate.globally_quoted_identifiers=true"}, models("v1")));
        assertEquals(0, quoted.exit(), quoted::toString);
        assertTrue(quoted.out().contains("person") && !quoted.out().contains("PERSON"), quoted::toString);

        java.nio.file.Files.writeString(dir.resolve("concertina.properties"), "dialect = h2\n"
                + "hibernate.globally_quoted_identifiers = true\n");
        Run fromFile = run(dir, null, concat(new String[] {"inspect", "--from", "models"}, models("v1")));
        assertTrue(fromFile.out().contains("person") && !fromFile.out().contains("PERSON"), fromFile::toString);
        // The command line wins over the file.
        Run overridden = run(dir, null, concat(new String[] {"inspect", "--from", "models",
                "--hibernate", "hibernate.globally_quoted_identifiers=false"}, models("v1")));
        assertTrue(overridden.out().contains("PERSON"), overridden::toString);

        Run typo = run(dir, null, concat(new String[] {"inspect", "--from", "models",
                "--hibernate", "hibernate.globaly_quoted_identifiers=true"}, models("v1")));
        assertEquals(1, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("Hibernate setting 'hibernate.globaly_quoted_identifiers': unknown"
                + " (did you mean 'hibernate.globally_quoted_identifiers'?)"), typo::toString);
    }

    /** Origins differ (database vs entity); the text shows none, so only line endings could. */
    /** The JSON document without what says where an element came from or how one side spells it. */
    private static String neutral(String json) throws Exception {
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        java.util.List<String> words = java.util.List.of("raw", "origin", "identityGeneration", "dependents", "notes");
        java.util.ArrayDeque<com.fasterxml.jackson.databind.JsonNode> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!todo.isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode n = todo.pop();
            if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) o.remove(words);
            n.forEach(todo::push);
        }
        return root.toPrettyString();
    }
}
