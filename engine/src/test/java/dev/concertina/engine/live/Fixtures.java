package dev.concertina.engine.live;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import dev.concertina.runtime.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Loads the hand-written fixture schema of a database kind. */
final class Fixtures {

    private Fixtures() {}

    static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }

    static void load(FreshDatabase db, String resource) throws SQLException {
        db.execute(statements(resource).toArray(String[]::new));
    }

    /** Statements end with ';' at the end of a line; dollar-quoted bodies stay on one line. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--")) continue;
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String s = cur.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        return out;
    }
}
