package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.online.LockRetry;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * The {@link MigrationContext} handed to a running (or recorded) migration; with a
 * {@link StepRecorder} when the revision runs without a transaction.
 */
public record RunContext(
        DSLContext dsl,
        Connection connection,
        Dialect dialect,
        ResolvedMigration revision,
        Consumer<String> progressSink,
        Optional<StepRecorder> steps,
        LockRetry lockRetry)
        implements MigrationContext {

    /** Not recorded step by step, with the default {@link LockRetry} (recordings: checksums, the SQL view). */
    public RunContext(
            DSLContext dsl,
            Connection connection,
            Dialect dialect,
            ResolvedMigration revision,
            Consumer<String> progressSink) {
        this(dsl, connection, dialect, revision, progressSink, Optional.empty(), LockRetry.DEFAULTS);
    }

    /** Not recorded step by step: a transactional revision. */
    public RunContext(
            DSLContext dsl,
            Connection connection,
            Dialect dialect,
            ResolvedMigration revision,
            Consumer<String> progressSink,
            LockRetry lockRetry) {
        this(dsl, connection, dialect, revision, progressSink, Optional.empty(), lockRetry);
    }

    /**
     * The context of a transactional revision run for real: its DDL statements wait for locks as
     * the online forms do ({@link PatientDdl}).
     */
    public static RunContext running(
            Connection connection,
            Dialect dialect,
            ResolvedMigration revision,
            Consumer<String> progressSink,
            LockRetry lockRetry) {
        return patient(connection, dialect, revision, progressSink, Optional.empty(), lockRetry);
    }

    /** A context whose statements and helper steps {@code steps} records, its DDL waiting as above. */
    public static RunContext recorded(
            StepRecorder steps,
            Dialect dialect,
            ResolvedMigration revision,
            Consumer<String> progressSink,
            LockRetry lockRetry) {
        return patient(steps.connection(), dialect, revision, progressSink, Optional.of(steps), lockRetry);
    }

    private static RunContext patient(
            Connection connection,
            Dialect dialect,
            ResolvedMigration revision,
            Consumer<String> progressSink,
            Optional<StepRecorder> steps,
            LockRetry lockRetry) {
        RunContext[] self = new RunContext[1];
        Connection patient = PatientDdl.wrap(connection, () -> self[0]);
        self[0] = new RunContext(Sql.dsl(patient, dialect), patient, dialect, revision, progressSink, steps, lockRetry);
        return self[0];
    }

    @Override
    public void progress(String message) {
        progressSink.accept(message);
    }

    @Override
    public void step(String description, Runnable work) {
        if (steps.isPresent()) {
            steps.get().step(description, work);
        } else {
            work.run();
        }
    }
}
