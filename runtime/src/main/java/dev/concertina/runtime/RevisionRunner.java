package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.StepJournal;
import dev.concertina.runtime.internal.StepRecorder;
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
    private final StepJournal journal;

    RevisionRunner(
            MigratorConfig config, Dialect dialect, DialectSupport support, Connection connection, VersionStore store) {
        this.config = config;
        this.dialect = dialect;
        this.support = support;
        this.connection = connection;
        this.store = store;
        this.listener = config.listener();
        this.journal = new StepJournal(connection, dialect);
    }

    /**
     * Runs one revision.
     *
     * @param resume true when an earlier attempt of this same revision and direction did not finish:
     *               the steps it completed are skipped
     */
    AppliedRevision run(PlannedStep step, boolean resume) {
        ResolvedMigration m = step.revision();
        Direction d = step.direction();
        String checksum = m.checksum(dialect);
        boolean transactional = m.transactional() && support.transactionalDdl();
        Branch b = m.branch();
        Optional<String> newHead = d == Direction.UPGRADE ? Optional.of(m.id()) : m.parent();
        listener.migrationStarted(m, d);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (transactional) {
            if (resume) {
                // A transactional attempt leaves nothing behind; only a non-transactional one is resumed.
                store.markRepaired();
            }
            RunContext ctx =
                    RunContext.running(connection, dialect, m, msg -> listener.progress(m, msg), config.lockRetry());
            try {
                connection.setAutoCommit(false);
                invoke(m, d, ctx);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                store.setHead(b, newHead);
                store.insert(
                        m.id(),
                        b,
                        d,
                        Optional.of(checksum),
                        started,
                        config.appliedBy(),
                        took,
                        Outcome.SUCCEEDED,
                        Optional.empty());
                connection.commit();
                connection.setAutoCommit(true);
                listener.migrationFinished(m, d, took);
                return new AppliedRevision(m.id(), b, d, m.message(), took);
            } catch (Exception | LinkageError e) {
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                rollback();
                String error = cause(e);
                try {
                    store.insert(
                            m.id(),
                            b,
                            d,
                            Optional.of(checksum),
                            started,
                            config.appliedBy(),
                            took,
                            Outcome.ROLLED_BACK,
                            Optional.of(error));
                } catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                if (e instanceof ConcertinaException ce && ce.code() == ErrorCode.REFUSED) {
                    throw new ConcertinaException(
                            ErrorCode.REFUSED, ce.getMessage() + "; rolled back, nothing changed", e);
                }
                throw new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        d.label() + " of " + b.label() + " revision " + m.describe() + " failed: " + error
                                + "; it was rolled back, nothing changed",
                        e);
            }
        }
        return runRecordingSteps(m, d, resume, started, t0);
    }

    /**
     * A revision without a transaction: each step is recorded as it completes (a {@link StepRecorder}),
     * so running it again after a crash or a failure resumes at its first unfinished step.
     */
    private AppliedRevision runRecordingSteps(
            ResolvedMigration m, Direction d, boolean resume, Instant started, long t0) {
        Branch b = m.branch();
        Optional<String> newHead = d == Direction.UPGRADE ? Optional.of(m.id()) : m.parent();
        StepRecorder steps = new StepRecorder(connection, dialect, support, journal, m.id(), d)
                .onCompleted(step -> listener.stepCompleted(m, step));
        if (resume) {
            store.markRepaired();
            int done = steps.resume().size();
            if (done > 0) {
                listener.progress(m, "resuming: " + done + " step(s) completed by an earlier attempt are skipped");
            }
        } else {
            journal.clear(m.id(), d);
        }
        long id = store.insert(
                m.id(),
                b,
                d,
                Optional.of(m.checksum(dialect)),
                started,
                config.appliedBy(),
                Duration.ZERO,
                Outcome.STARTED,
                Optional.empty());
        support.makeDurable(connection);
        RunContext ctx = RunContext.recorded(steps, dialect, m, msg -> listener.progress(m, msg), config.lockRetry());
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
            boolean changedNothing =
                    !steps.ranAnything() && journal.load(m.id(), d).isEmpty();
            try {
                store.finish(id, changedNothing ? Outcome.ROLLED_BACK : Outcome.FAILED, took, Optional.of(error));
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            if (changedNothing) {
                // Refused or failed before its first write (a downgrade that says the data cannot be
                // restored): the schema is as it was, so nothing blocks the next run.
                if (e instanceof ConcertinaException ce && ce.code() == ErrorCode.REFUSED) {
                    throw new ConcertinaException(
                            ErrorCode.REFUSED, ce.getMessage() + "; it ran nothing, nothing changed", e);
                }
                throw new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        d.label() + " of " + b.label() + " revision " + m.describe() + " failed: " + error
                                + "; it failed before its first change, nothing changed",
                        e);
            }
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    d.label() + " of " + b.label() + " revision " + m.describe()
                            + " failed: " + error + "; it ran without a transaction (" + dialect.label()
                            + (m.transactional()
                                    ? " commits DDL implicitly"
                                    : " and the revision is marked transactional = false")
                            + "), and the steps it completed are recorded: fix the cause and run the same command again to"
                            + " resume at the failed step (`concertina repair` lists them)",
                    e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        inTransaction(() -> {
            store.setHead(b, newHead);
            store.finish(id, Outcome.SUCCEEDED, took, Optional.empty());
            journal.clear(m.id(), d);
        });
        support.makeDurable(connection);
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

    /**
     * What went wrong, in one line: the driver's error, unless the runtime said it better on the
     * way (a lock that stayed busy, with its holder named, wraps the driver's last timeout).
     */
    private static String cause(Throwable e) {
        Throwable t = e;
        while (!(t instanceof ConcertinaException ce && ce.code() == ErrorCode.LOCK_TIMEOUT)
                && t.getCause() != null
                && t.getCause() != t
                && !(t instanceof SQLException)) {
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
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "cannot update the version tables: " + Jdbc.oneLine(e), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // Reported by the next statement.
            }
        }
    }
}
