package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.Sql;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs one revision and records it in the history: a transactional revision together with its
 * history row and version change, any other one between a {@code started} row and its outcome.
 */
final class RevisionRunner {

    private final MigratorConfig config;
    private final Dialect dialect;
    private final DialectSupport support;
    private final Connection connection;
    private final VersionStore store;
    private final MigrationListener listener;

    RevisionRunner(MigratorConfig config, Dialect dialect, DialectSupport support, Connection connection, VersionStore store) {
        this.config = config;
        this.dialect = dialect;
        this.support = support;
        this.connection = connection;
        this.store = store;
        this.listener = config.listener();
    }

    AppliedRevision run(PlannedStep step) {
        ResolvedMigration m = step.revision();
        Direction d = step.direction();
        String checksum = m.checksum(dialect);
        boolean transactional = m.transactional() && support.transactionalDdl();
        Branch b = m.branch();
        Optional<String> newHead = d == Direction.UPGRADE ? Optional.of(m.id()) : m.parent();
        RunContext ctx = new RunContext(Sql.dsl(connection, dialect), connection, dialect, m, msg -> listener.progress(m, msg));
        listener.migrationStarted(m, d);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (transactional) {
            try {
                connection.setAutoCommit(false);
                invoke(m, d, ctx);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                store.setHead(b, newHead);
                store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), took, Outcome.SUCCEEDED, Optional.empty());
                connection.commit();
                connection.setAutoCommit(true);
                listener.migrationFinished(m, d, took);
                return new AppliedRevision(m.id(), b, d, m.message(), took);
            } catch (Exception | LinkageError e) {
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                rollback();
                String error = cause(e);
                try {
                    store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), took, Outcome.ROLLED_BACK, Optional.of(error));
                } catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                if (e instanceof ConcertinaException ce && ce.code() == ErrorCode.REFUSED) {
                    throw new ConcertinaException(ErrorCode.REFUSED, ce.getMessage() + "; rolled back, nothing changed", e);
                }
                throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, d.label() + " of " + b.label() + " revision " + m.describe()
                        + " failed: " + error + "; it was rolled back, nothing changed", e);
            }
        }
        long id = store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), Duration.ZERO, Outcome.STARTED, Optional.empty());
        try {
            invoke(m, d, ctx);
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (Exception | LinkageError e) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            rollback();
            String error = cause(e);
            try {
                store.finish(id, Outcome.FAILED, took, Optional.of(error));
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, d.label() + " of " + b.label() + " revision " + m.describe()
                    + " failed: " + error + "; it ran without a transaction (" + dialect.label()
                    + (m.transactional() ? " commits DDL implicitly" : " and the revision is marked transactional = false")
                    + "), so part of it may have taken effect: check the schema, then run `concertina repair`", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        inTransaction(() -> {
            store.setHead(b, newHead);
            store.finish(id, Outcome.SUCCEEDED, took, Optional.empty());
        });
        listener.migrationFinished(m, d, took);
        return new AppliedRevision(m.id(), b, d, m.message(), took);
    }

    private static void invoke(ResolvedMigration m, Direction d, RunContext ctx) throws Exception {
        if (d == Direction.UPGRADE) {
            m.migration().upgrade(ctx);
        } else {
            m.migration().downgrade(ctx);
        }
    }

    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        return Jdbc.oneLine(t);
    }

    private void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The connection is broken; the next statement reports it.
        }
    }

    void inTransaction(Runnable work) {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof ConcertinaException ce) {
                throw ce;
            }
            throw new ConcertinaException(ErrorCode.CONNECTION, "cannot update the version tables: " + Jdbc.oneLine(e), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // Reported by the next statement.
            }
        }
    }

}
