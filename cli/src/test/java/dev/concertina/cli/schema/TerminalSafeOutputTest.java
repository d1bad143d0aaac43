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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What diff prints is safe for a terminal and says each thing once. */
class TerminalSafeOutputTest {

    @TempDir
    Path dir;

    @Test
    void aHugeStaleRuleLineIsShortened() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            SchemaCli.createSchema(db, "v1");
            Path rules = dir.resolve("huge.ignore");
            // (The rules parser refuses control characters itself, naming line and column.)
            Files.writeString(rules, "table x" + "y".repeat(200_000) + " reason \"never matches\"\n");
            Run r = run(dir, db, concat(concat(new String[] {"diff"}, models("v1")), new String[] {"--rules", rules.toString()}));
            assertEquals(0, r.exit(), () -> r.err().substring(0, Math.min(2000, r.err().length())));
            String warning = r.err().lines().filter(l -> l.contains("stale rule")).findFirst().orElseThrow();
            assertTrue(warning.length() < 1000, "shortened: " + warning.length() + " characters");
            assertTrue(warning.contains("'table xyyy") && warning.contains("more characters)"), warning);
        }
    }

    @Test
    void eachWarningIsPrintedOnce() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            SchemaCli.createSchema(db, "v1");
            // A rename hint that matches nothing is a warning of the plan.
            String[] args = concat(concat(new String[] {"diff"}, models("v1")), new String[] {"--rename", "person.nosuch=other"});
            Run text = run(dir, db, args);
            assertEquals(0, text.exit(), text::toString);
            String both = text.out() + text.err();
            assertTrue(both.contains("nosuch"), text::toString);
            assertEquals(1, both.lines().filter(l -> l.contains("nosuch")).count(), "once, in the report: " + text);
            assertFalse(text.err().contains("nosuch"), text::toString);

            Run sql = run(dir, db, concat(args, new String[] {"--format", "sql"}));
            assertEquals(1, (sql.out() + sql.err()).lines().filter(l -> l.contains("nosuch")).count(), "once, on stderr: " + sql);
            assertTrue(sql.err().contains("nosuch"), sql::toString);
        }
    }
}
