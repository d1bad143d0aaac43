package dev.concertina.runtime;

import dev.concertina.testdb.FreshDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Shared helpers for the runtime's database tests. */
final class TestDatabases {

    private TestDatabases() {}

    static final String LINEAR = "dev.concertina.runtime.fixtures.linear";
    static final String FAILING = "dev.concertina.runtime.fixtures.failing";

    static Dialect dialect(FreshDatabase db) {
        return Dialect.fromUrl(db.url());
    }

    static MigratorConfig.Builder config(FreshDatabase db) {
        return MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .appliedBy("tester").lockTimeout(Duration.ofSeconds(20));
    }

    static Migrator open(FreshDatabase db, String pkg) {
        return Migrator.open(config(db).migrations(TestDatabases.class.getClassLoader(), pkg).build());
    }

    static Migrator open(FreshDatabase db, String pkg, MigrationListener listener) {
        return Migrator.open(config(db).migrations(TestDatabases.class.getClassLoader(), pkg).listener(listener).build());
    }

    static Migrator open(FreshDatabase db, List<ResolvedMigration> migrations, MigrationListener listener) {
        return Migrator.open(config(db).migrations(MigrationSource.of(migrations)).listener(listener).build());
    }

    static boolean tableExists(FreshDatabase db, String lower) throws SQLException {
        String name = dialect(db).foldUnquoted(lower);
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, null)) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean columnExists(FreshDatabase db, String table, String column) throws SQLException {
        Dialect d = dialect(db);
        try (Connection c = db.connect();
             ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), d.foldUnquoted(table), d.foldUnquoted(column))) {
            return rs.next();
        }
    }

    static List<String> ids(List<AppliedRevision> applied) {
        return applied.stream().map(a -> a.direction().label() + " " + a.revision()).toList();
    }

    /** Records what the runner reports. */
    static final class RecordingListener implements MigrationListener {
        final List<String> waiting = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void waitingForLock(String holder) {
            waiting.add(holder);
        }

        @Override
        public void lockAcquired() {
            events.add("locked");
        }

        @Override
        public void migrationStarted(ResolvedMigration revision, Direction direction) {
            events.add("start " + direction.label() + " " + revision.id());
        }

        @Override
        public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
            events.add("done " + direction.label() + " " + revision.id());
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    /** The smallest DataSource over a test database, for the startup guard. */
    static DataSource dataSource(FreshDatabase db) {
        return new DataSource() {
            @Override public Connection getConnection() throws SQLException { return db.connect(); }
            @Override public Connection getConnection(String u, String p) throws SQLException { return db.connect(); }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) { }
            @Override public void setLoginTimeout(int seconds) { }
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
            @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
            @Override public boolean isWrapperFor(Class<?> iface) { return false; }
        };
    }
}
