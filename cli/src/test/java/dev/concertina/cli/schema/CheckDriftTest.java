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
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code concertina check} with models configured: drift is exit 6, after the database's own codes. */
class CheckDriftTest {

    static final String PKG = "com.example.drift.migrations";

    @TempDir
    Path dir;

    private String[] migrations() {
        return new String[] {"--migrations-package", PKG, "--migrations-classpath", dir.resolve("classes").toString()};
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void driftIsSixMatchingIsZero(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Run gen = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "v1", "--source", dir.resolve("src").toString()},
                    migrations()), models("v1")));
            assertEquals(0, gen.exit(), gen::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));

            // Expand pending wins over drift, but the drift is printed.
            Run pending = run(dir, db, concat(concat(new String[] {"check"}, migrations()), models("v2")));
            assertEquals(2, pending.exit(), pending::toString);
            assertTrue(pending.out().contains("disagree"), pending::toString);

            assertEquals(0, run(dir, db, concat(new String[] {"sync"}, migrations())).exit());

            Run match = run(dir, db, concat(concat(new String[] {"check"}, migrations()), models("v1")));
            assertEquals(0, match.exit(), match::toString);
            assertTrue(match.out().contains("models match the schema the migrations build (H2 in memory)"), match::toString);
            // The application's database is another kind than the scratch one: said, with how to check on the same kind.
            assertEquals(kind != DbKind.H2, match.out().contains("note: drift was checked on H2, not on "
                    + (kind == DbKind.POSTGRES ? "PostgreSQL" : "MariaDB") + " like the database; give --scratch-url"), match::toString);

            Run drift = run(dir, db, concat(concat(new String[] {"check"}, migrations()), models("v2")));
            assertEquals(6, drift.exit(), drift::toString);
            assertTrue(drift.out().contains("3 differences"), drift::toString);
            assertTrue(drift.out().contains("add column \"PERSON\".\"EMAIL\""), "the scratch database is H2: " + drift);
            assertTrue(drift.out().contains("drop column \"PERSON\".\"FULLNAME\""), drift::toString);
            assertTrue(drift.out().contains("revision --autogenerate"), drift::toString);

            // No models configured: the check is the database's alone.
            Run plain = run(dir, db, concat(new String[] {"check"}, migrations()));
            assertEquals(0, plain.exit(), plain::toString);
            assertFalse(plain.out().contains("models"), plain::toString);

            // Deliberate differences in the rules file count as none.
            Files.writeString(dir.resolve("concertina.ignore"), "column person.* reason \"being reworked\"\n"
                    + "table gone_table reason \"stale\"\n");
            Run ruled = run(dir, db, concat(concat(new String[] {"check"}, migrations()), models("v2")));
            assertEquals(0, ruled.exit(), ruled::toString);
            assertTrue(ruled.err().contains("concertina.ignore:2") && ruled.err().contains("stale"), ruled::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MARIADB"})
    void scratchDatabaseOfAnotherDialect(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2); FreshDatabase scratch = FreshDatabase.create(kind)) {
            Run gen = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "v1", "--source", dir.resolve("src").toString()},
                    migrations()), models("v1")));
            assertEquals(0, gen.exit(), gen::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));
            assertEquals(0, run(dir, db, concat(new String[] {"sync"}, migrations())).exit());
            Run drift = run(dir, db, concat(concat(new String[] {"check", "--scratch-url", scratch.url(), "--scratch-user", scratch.user()},
                    migrations()), models("v2")));
            assertEquals(6, drift.exit(), drift::toString);
            // Names as the scratch database stores them: the models were read for its dialect.
            assertTrue(drift.out().contains("add column \"person\".\"email\""), drift::toString);
            // What the migrations built is dropped again, Concertina's own tables too: the next check starts afresh.
            assertEquals(List.of(), tables(scratch));
            Run again = run(dir, db, concat(concat(new String[] {"check", "--scratch-url", scratch.url(), "--scratch-user", scratch.user()},
                    migrations()), models("v1")));
            assertEquals(0, again.exit(), again::toString);
            assertEquals(List.of(), tables(scratch));

            // A scratch database holding a table is refused, and the table is left alone.
            scratch.execute("create table keep_me (id int primary key)", "insert into keep_me values (1)");
            Run refused = run(dir, db, concat(concat(new String[] {"check", "--scratch-url", scratch.url(), "--scratch-user", scratch.user()},
                    migrations()), models("v1")));
            assertEquals(1, refused.exit(), refused::toString);
            assertTrue(refused.err().contains("is not empty (1 table or sequence: keep_me)"), refused::toString);
            assertEquals(List.of("keep_me"), tables(scratch));
        }
    }

    private static List<String> tables(FreshDatabase db) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect();
             java.sql.PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables where table_schema = ?")) {
            ps.setString(1, db.schema());
            try (java.sql.ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }
}
