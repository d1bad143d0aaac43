package dev.concertina.cli.schema;

import dev.concertina.cli.Io;
import dev.concertina.cli.Main;
import dev.concertina.cli.Terminal;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command in-process against a fresh database, with the fixtures' entities as models. */
final class SchemaCli {

    static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();
    static final String FIXTURES = "dev.concertina.cli.schema.fixture.";

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private SchemaCli() {}

    static Run run(Path workDir, FreshDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (db != null) {
            all.addAll(List.of("--url", db.url(), "--user", db.user()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = db == null ? Map.of() : Map.of("CONCERTINA_PASSWORD", db.password());
        int code = Main.run(all.toArray(String[]::new), new Io(new PrintWriter(out), new PrintWriter(err), env, workDir, Terminal.none()));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code --classpath target/test-classes --package <fixture>}. */
    static String[] models(String fixture) {
        return new String[] {"--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + fixture};
    }

    static String[] with(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    static String[] concat(String[] a, String[] b) {
        return with(a, b);
    }

    /** Creates the fixture's schema with Hibernate's own DDL for the database. */
    static void createSchema(FreshDatabase db, String fixture) throws Exception {
        EntitySource source = EntitySource.packages(List.of(TEST_CLASSES), FIXTURES + fixture);
        List<String> ddl = EntityDdl.createScript(source, TargetDatabase.of(dialect(db.kind())));
        db.execute(ddl.toArray(String[]::new));
    }

    static dev.concertina.runtime.Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return dev.concertina.runtime.Dialect.H2;
            case POSTGRES: return dev.concertina.runtime.Dialect.POSTGRES;
            default: return dev.concertina.runtime.Dialect.MARIADB;
        }
    }
}
