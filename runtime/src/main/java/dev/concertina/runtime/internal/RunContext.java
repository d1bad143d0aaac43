package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.online.LockRetry;
import java.sql.Connection;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** The {@link MigrationContext} handed to a running (or recorded) migration. */
public record RunContext(DSLContext dsl, Connection connection, Dialect dialect, ResolvedMigration revision,
                         Consumer<String> progressSink, LockRetry lockRetry) implements MigrationContext {

    /** With the default {@link LockRetry} (recordings: checksums, the SQL view). */
    public RunContext(DSLContext dsl, Connection connection, Dialect dialect, ResolvedMigration revision, Consumer<String> progressSink) {
        this(dsl, connection, dialect, revision, progressSink, LockRetry.DEFAULTS);
    }

    @Override
    public void progress(String message) {
        progressSink.accept(message);
    }
}
