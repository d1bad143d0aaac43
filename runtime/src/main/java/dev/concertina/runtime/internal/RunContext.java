package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import java.sql.Connection;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** The {@link MigrationContext} handed to a running (or recorded) migration. */
public record RunContext(DSLContext dsl, Connection connection, Dialect dialect, ResolvedMigration revision,
                         Consumer<String> progressSink) implements MigrationContext {

    @Override
    public void progress(String message) {
        progressSink.accept(message);
    }
}
