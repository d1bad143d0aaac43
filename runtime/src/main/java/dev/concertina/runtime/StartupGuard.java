package dev.concertina.runtime;

import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What an application calls at startup to refuse running against a schema it does not fit.
 *
 * <ul>
 *   <li>Fails (OUTDATED_SCHEMA) when an expand revision this code knows is not applied: the code
 *       needs columns or tables the database does not have yet.</li>
 *   <li>Fails (OUTDATED_SCHEMA) when the database carries a contract revision this code does not
 *       know: it was contracted past this release, and things this code uses were removed.</li>
 *   <li>Only logs a WARNING (java.util.logging, logger {@code dev.concertina.runtime.StartupGuard})
 *       when there is no version table at all, as Keystone does: complain, do not stop.</li>
 * </ul>
 * Pending contract revisions and expand revisions newer than the code are fine: that is the
 * rolling upgrade.
 */
public final class StartupGuard {

    private static final Logger LOG = Logger.getLogger(StartupGuard.class.getName());

    private StartupGuard() {}

    public static void verify(DataSource dataSource, ClassLoader loader, String migrationsPackage) {
        verify(dataSource, MigrationSource.scan(loader, migrationsPackage));
    }

    public static void verify(DataSource dataSource, MigrationSource source) {
        MigrationGraph graph = MigrationGraph.of(source.all());
        try (Connection c = dataSource.getConnection()) {
            try {
                check(c, graph);
            } finally {
                // A pooled connection may come without auto-commit: leave no read transaction open.
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "startup guard cannot read the version tables: " + Jdbc.oneLine(e), e);
        }
    }

    /** The dialect from the server's product name; the URL when a wrapper hides it. */
    private static Dialect dialectOf(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return Dialect.H2;
        }
        if (product.contains("postgres")) {
            return Dialect.POSTGRES;
        }
        if (product.contains("mariadb")) {
            return Dialect.MARIADB;
        }
        if (product.contains("mysql")) {
            return Dialect.MYSQL;
        }
        return Dialect.fromUrl(c.getMetaData().getURL());
    }

    private static void check(Connection c, MigrationGraph graph) throws SQLException {
        Dialect dialect = dialectOf(c);
        VersionStore store = new VersionStore(c, dialect);
        if (!store.exists()) {
            LOG.log(
                    Level.WARNING,
                    "the database has no " + store.versionTableName()
                            + " table: it is not under Concertina's version control, so the schema cannot be checked against this code");
            return;
        }
        Map<Branch, String> heads = store.heads();
        Optional<ResolvedMigration> codeExpand = graph.head(Branch.EXPAND);
        String appliedExpand = heads.get(Branch.EXPAND);
        if (codeExpand.isPresent()) {
            ResolvedMigration need = codeExpand.get();
            Optional<ResolvedMigration> at = Optional.ofNullable(appliedExpand).flatMap(graph::get);
            boolean newerThanCode = appliedExpand != null && at.isEmpty();
            if (!newerThanCode && (at.isEmpty() || graph.position(at.get()) < graph.position(need))) {
                int from = at.map(graph::position).orElse(-1) + 1;
                ResolvedMigration missing = graph.chain(Branch.EXPAND).get(from);
                int count = graph.position(need) - from + 1;
                throw new ConcertinaException(
                        ErrorCode.OUTDATED_SCHEMA,
                        "the database lacks expand revision " + missing.describe()
                                + (count > 1 ? " and " + (count - 1) + " more up to " + need.id() : "")
                                + " that this code needs (expand is at "
                                + (appliedExpand == null ? "base" : appliedExpand)
                                + "): run `concertina sync --expand` before starting this release");
            }
        }
        String appliedContract = heads.get(Branch.CONTRACT);
        if (appliedContract != null && graph.get(appliedContract).isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.OUTDATED_SCHEMA,
                    "the database carries contract revision " + appliedContract
                            + ", which this code does not know: it has been contracted past this release, which may need what was removed; deploy the newer release");
        }
    }
}
