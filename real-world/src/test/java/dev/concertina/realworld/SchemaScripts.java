package dev.concertina.realworld;

import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Runs a schema dump, as its database's own client would, on a fresh test database. */
final class SchemaScripts {

    private SchemaScripts() {}

    static void load(FreshDatabase db, Path script) throws Exception {
        switch (db.kind()) {
            case H2 -> db.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            case POSTGRES -> {
                // pgjdbc runs a multi-statement text as one simple query, as psql -f would.
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute(Files.readString(script));
                }
            }
            case MARIADB -> {
                String url = db.url() + (db.url().contains("?") ? "&" : "?") + "allowMultiQueries=true";
                try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                        Statement s = c.createStatement()) {
                    s.execute(Files.readString(script));
                }
            }
        }
    }
}
