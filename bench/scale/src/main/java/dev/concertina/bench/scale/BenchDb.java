package dev.concertina.bench.scale;

import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One benchmark database per dialect and corpus, built from the corpus's v1 entities with
 * Hibernate's own DDL for that dialect ({@link EntityDdl}), and kept between runs: it is rebuilt
 * only when its table count differs from the corpus or {@code fresh} is asked. The database name
 * carries N and the seed. Servers: PostgreSQL at 127.0.0.1:5432 (postgres, trust), MariaDB at
 * 127.0.0.1:3306 (root, no password), overridable with -Dbench.pg.host / -Dbench.maria.host.
 */
final class BenchDb {

    final Dialect dialect;
    final String url;
    final String user;
    final String schema;
    final String database;

    private BenchDb(Dialect dialect, String url, String user, String schema, String database) {
        this.dialect = dialect;
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.database = database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    static BenchDb of(Dialect dialect, Workspace w) {
        String db = "bench_scale_n" + w.corpus.n + "_s" + w.corpus.seed;
        return switch (dialect) {
            case POSTGRES -> new BenchDb(dialect, "jdbc:postgresql://" + System.getProperty("bench.pg.host", "127.0.0.1:5432") + "/" + db,
                    "postgres", "public", db);
            case MARIADB -> new BenchDb(dialect, "jdbc:mariadb://" + System.getProperty("bench.maria.host", "127.0.0.1:3306") + "/" + db,
                    "root", db, db);
            case H2 -> new BenchDb(dialect, "jdbc:h2:file:" + w.dir.resolve("h2/" + db).toAbsolutePath(), "sa", "PUBLIC", db);
            default -> throw new IllegalArgumentException(dialect.name());
        };
    }

    /** Creates the database from v1 unless it is already there with the corpus's tables. */
    void ensure(Workspace w, boolean fresh, java.io.PrintStream log) throws SQLException {
        int tables = w.corpus.v1.size();
        if (!fresh) {
            try (Connection c = connect()) {
                if (countTables(c) == tables) return;
            } catch (SQLException absent) {
                // created below
            }
        }
        long t0 = System.nanoTime();
        recreate();
        List<String> ddl = EntityDdl.createScript(
                new EntitySource.Packages(List.of(w.v1Classes()), List.of(Corpus.PACKAGE), Map.of()),
                TargetDatabase.of(dialect));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : ddl) s.execute(sql);
            int got = countTables(c);
            if (got != tables) throw new IllegalStateException(dialect.label() + ": built " + got + " tables, expected " + tables);
        }
        log.printf("  built %s database %s from v1: %d statements in %.1f s%n", dialect.label(), database, ddl.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    private void recreate() throws SQLException {
        switch (dialect) {
            case POSTGRES -> {
                try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                    s.execute("CREATE DATABASE " + database);
                }
            }
            case MARIADB -> {
                try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1), user, "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                    s.execute("CREATE DATABASE " + database);
                }
            }
            case H2 -> {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("DROP ALL OBJECTS");
                }
            }
            default -> throw new IllegalArgumentException(dialect.name());
        }
    }

    private int countTables(Connection c) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRES -> "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'";
            case MARIADB -> "select count(*) from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'";
            default -> "select count(*) from information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Where the whole-process commands read the database from. */
    String describe() {
        return dialect.label() + " " + url;
    }

    static Path h2Dir(Workspace w) {
        return w.dir.resolve("h2");
    }
}
