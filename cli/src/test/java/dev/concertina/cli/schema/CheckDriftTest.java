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
            // The migrations ran on the application's kind of database: a database of their own on its server.
            assertTrue(match.out().contains("models match the schema the migrations build ("
                    + (kind == DbKind.H2 ? "H2 in memory)" : "jdbc:")), match::toString);
            assertEquals(kind != DbKind.H2, match.out().contains("/concertina_check_"), match::toString);
            assertFalse(match.out().contains("note: drift was checked"), match::toString);
            assertEquals(List.of(), scratchDatabases(kind, db), "the scratch database is dropped after the check");

            Run drift = run(dir, db, concat(concat(new String[] {"check"}, migrations()), models("v2")));
            assertEquals(6, drift.exit(), drift::toString);
            assertTrue(drift.out().contains("3 differences"), drift::toString);
            // Names as the application's database stores them: the check ran on that kind.
            String person = kind == DbKind.H2 ? "\"PERSON\"." : "\"person\".";
            assertTrue(drift.out().contains("add column " + person + (kind == DbKind.H2 ? "\"EMAIL\"" : "\"email\"")), drift::toString);
            assertTrue(drift.out().contains("drop column " + person + (kind == DbKind.H2 ? "\"FULLNAME\"" : "\"fullname\"")),
                    drift::toString);
            assertEquals(List.of(), scratchDatabases(kind, db), "dropped after drift too");
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

    /**
     * A user who may not create databases: the check says why it ran on H2 instead, and still
     * works there.
     */
    @org.junit.jupiter.api.Test
    void withoutTheRightToCreateADatabaseTheCheckSaysWhyItRanOnH2() throws Exception {
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            Run gen = run(dir, db, concat(concat(new String[] {"revision", "--autogenerate", "-m", "v1", "--source", dir.resolve("src").toString()},
                    migrations()), models("v1")));
            assertEquals(0, gen.exit(), gen::toString);
            JavaSources.compile(dir.resolve("src"), dir.resolve("classes"));
            assertEquals(0, run(dir, db, concat(new String[] {"sync"}, migrations())).exit());
            String role = "concertina_nocreatedb_" + Long.toHexString(System.nanoTime());
            db.execute("create role " + role + " login nocreatedb", "grant all on schema public to " + role,
                    "grant select on all tables in schema public to " + role);
            try {
                List<String> args = new java.util.ArrayList<>(List.of(concat(concat(new String[] {"check"}, migrations()), models("v1"))));
                args.addAll(List.of("--url", db.url(), "--user", role));
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                int code = dev.concertina.cli.Main.run(args.toArray(String[]::new), new dev.concertina.cli.Io(new java.io.PrintWriter(out),
                        new java.io.PrintWriter(err), java.util.Map.of("CONCERTINA_PASSWORD", ""), dir, dev.concertina.cli.Terminal.none()));
                assertEquals(0, code, out + "\n" + err);
                assertTrue(out.toString().contains("models match the schema the migrations build (H2 in memory)"), out::toString);
                assertTrue(out.toString().contains("note: drift was checked on H2, not on PostgreSQL like the database (cannot create a"
                        + " scratch database on jdbc:postgresql://"), out::toString);
                assertTrue(out.toString().contains("permission denied to create database"), out::toString);
            } finally {
                db.execute("drop owned by " + role, "drop role " + role);
            }
        }
    }

    /** Scratch databases the check left on the server of {@code db}: none, when it cleans up. */
    private static List<String> scratchDatabases(DbKind kind, FreshDatabase db) throws Exception {
        if (kind == DbKind.H2) {
            return List.of();
        }
        String q = kind == DbKind.POSTGRES ? "select datname from pg_database where datname like 'concertina\\_check\\_%'"
                : "select schema_name from information_schema.schemata where schema_name like 'concertina\\_check\\_%'";
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect(); java.sql.ResultSet r = c.createStatement().executeQuery(q)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
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
