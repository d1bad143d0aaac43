package dev.concertina.cli.schema;

import static dev.concertina.cli.schema.SchemaCli.concat;
import static dev.concertina.cli.schema.SchemaCli.models;
import static dev.concertina.cli.schema.SchemaCli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.cli.schema.SchemaCli.Run;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code concertina diff}: exit codes, formats, rules, stale rules and every form of rename hint, on every database. */
class DiffCommandTest {

    @TempDir
    Path dir;

    private static String[] diff(String fixture, String... more) {
        return concat(concat(new String[] {"diff"}, models(fixture)), more);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void exitCodesAndRenameHints(DbKind kind) throws Exception {
        Dialect d = SchemaCli.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            db.execute("create table concertina_version (branch varchar(20) primary key)");

            Run same = run(dir, db, diff("v1"));
            assertEquals(0, same.exit(), same::toString);
            assertFalse(same.out().toLowerCase(Locale.ROOT).contains("concertina_"), "own tables never appear: " + same);

            // fullname dropped + display_name added: a possible rename stops the command.
            Run undecided = run(dir, db, diff("v2"));
            assertEquals(1, undecided.exit(), undecided::toString);
            String person = d.foldUnquoted("person");
            assertTrue(undecided.err().contains("possible rename"), undecided::toString);
            assertTrue(undecided.err().contains("--rename " + person + "." + d.foldUnquoted("fullname") + "=" + d.foldUnquoted("display_name")),
                    undecided::toString);
            assertTrue(undecided.err().contains("--no-rename"), undecided::toString);
            assertEquals("", undecided.out());

            Run renamed = run(dir, db, diff("v2", "--rename", "person.fullname=display_name"));
            assertEquals(6, renamed.exit(), renamed::toString);
            assertTrue(renamed.out().contains("rename column"), renamed::toString);
            // Changes are numbered lines; the rename's own steps drop the old column in contract.
            assertFalse(renamed.out().contains(". drop column"), renamed::toString);

            Run denied = run(dir, db, diff("v2", "--no-rename", "person.fullname"));
            assertEquals(6, denied.exit(), denied::toString);
            assertTrue(denied.out().contains(". drop column"), denied::toString);
            assertFalse(denied.out().contains("rename column"), denied::toString);

            Run annotated = run(dir, db, diff("v2renamed"));
            assertEquals(6, annotated.exit(), annotated::toString);
            assertTrue(annotated.out().contains("rename column"), annotated::toString);

            Files.writeString(dir.resolve("concertina.ignore"), "[hints]\nrename column person.fullname -> display_name\n");
            Run fromFile = run(dir, db, diff("v2"));
            assertEquals(6, fromFile.exit(), fromFile::toString);
            assertTrue(fromFile.out().contains("rename column"), fromFile::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void formatsAndPhases(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            String[] hint = {"--rename", "person.fullname=display_name"};

            Run json = run(dir, db, diff("v2", concat(hint, new String[] {"--format", "json"})));
            assertEquals(6, json.exit(), json::toString);
            assertTrue(json.out().contains("\"changes\""), json::toString);
            assertTrue(json.out().contains("\"phase\": \"expand\"") || json.out().contains("\"phase\":\"expand\""), json::toString);
            assertTrue(json.out().contains("\"phase\": \"contract\"") || json.out().contains("\"phase\":\"contract\""), json::toString);

            Run md = run(dir, db, diff("v2", concat(hint, new String[] {"--format", "markdown"})));
            assertEquals(6, md.exit(), md::toString);
            assertTrue(md.out().contains("#") && md.out().contains("|"), md::toString);

            Run sql = run(dir, db, diff("v2", concat(hint, new String[] {"--format", "sql"})));
            assertEquals(6, sql.exit(), sql::toString);
            String label = SchemaCli.dialect(kind).label();
            assertTrue(sql.out().contains("-- expand (" + label + ")"), sql::toString);
            assertTrue(sql.out().contains("-- contract (" + label + ")"), sql::toString);
            assertTrue(sql.out().toLowerCase(Locale.ROOT).contains("alter table"), sql::toString);

            Run allDialects = run(dir, db, diff("v2", concat(hint, new String[] {"--format", "sql", "--sql-dialect", "h2,postgres,mariadb", "--phase", "expand"})));
            assertEquals(6, allDialects.exit(), allDialects::toString);
            for (String l : new String[] {"h2", "postgres", "mariadb"}) {
                assertTrue(allDialects.out().contains("-- expand (" + l + ")"), allDialects::toString);
            }
            assertFalse(allDialects.out().contains("-- contract"), allDialects::toString);

            Run contract = run(dir, db, diff("v2", concat(hint, new String[] {"--phase", "contract", "--format", "json"})));
            assertEquals(6, contract.exit(), contract::toString);
            assertFalse(contract.out().contains("\"expand\""), contract::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void rulesApplyToBothSidesAndStaleRulesAreWarned(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            SchemaCli.createSchema(db, "v1");
            db.execute("create table audit_log (id int primary key)");
            Path rules = dir.resolve("ci.ignore");
            Files.writeString(rules, "table audit_* reason \"owned by the audit service\"\n"
                    + "column person.email reason \"added by hand later\"\n"
                    + "table nothing_like_this reason \"left over\"\n"
                    + "[hints]\nno-rename column person.fullname\n");
            Run r = run(dir, db, diff("v2", "--rules", rules.toString()));
            assertEquals(6, r.exit(), r::toString);
            // The ignored table is not dropped, the ignored column not added; fullname really is dropped.
            assertFalse(r.out().toLowerCase(Locale.ROOT).contains("audit_log"), r::toString);
            assertFalse(r.out().toLowerCase(Locale.ROOT).contains("email"), r::toString);
            assertTrue(r.out().contains(". drop column"), r::toString);
            assertTrue(r.err().contains("concertina: warning: ") && r.err().contains("ci.ignore:3") && r.err().contains("stale"), r::toString);
            assertFalse(r.err().contains("ci.ignore:1") || r.err().contains("ci.ignore:2"), r::toString);

            // Everything that differs ignored: nothing to do.
            Files.writeString(rules, "table audit_* reason \"owned by the audit service\"\n");
            Run same = run(dir, db, diff("v1", "--rules", rules.toString()));
            assertEquals(0, same.exit(), same::toString);
            assertEquals("", same.err());
        }
    }
}
