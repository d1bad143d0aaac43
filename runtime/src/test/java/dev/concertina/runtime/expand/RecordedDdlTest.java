package dev.concertina.runtime.expand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runner checksums a migration by running it on a recording connection that answers every
 * query with no rows (runtime's Checksums). The trigger DDL must reach that recording, so that
 * changing a conversion changes the checksum.
 */
class RecordedDdlTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB", "MYSQL"})
    void triggerDdlIsRecordedOnAConnectionThatReturnsNoRows(Dialect d) {
        List<String> recorded = new ArrayList<>();
        Connection mock = new MockConnection(ctx -> {
            // SQL and bind values, as the runner's recorder keeps them (H2 binds its conversions)
            recorded.add(ctx.sql() + " " + java.util.Arrays.toString(ctx.bindings()));
            return new MockResult[] {new MockResult(0, DSL.using(d.jooq()).newResult())};
        });
        try {
            SyncTriggers.install(mock, d, "item", "code", "code_num", Conversion.sql("CAST({} AS INTEGER)"), Conversion.identity());
        } catch (RuntimeException e) {
            // What follows the DDL may fail on empty results; the recording is what counts.
        }
        assertTrue(recorded.stream().anyMatch(s -> s.contains("CAST(") && (s.contains("CREATE") || s.contains("INSERT"))),
                "the conversion reaches the recording: " + recorded);
        assertTrue(recorded.stream().anyMatch(s -> s.startsWith("CREATE") && s.contains("TRIGGER")), "CREATE TRIGGER recorded: " + recorded);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB", "MYSQL"})
    void tableSyncDdlIsRecordedOnAConnectionThatReturnsNoRows(Dialect d) {
        List<String> recorded = new ArrayList<>();
        Connection mock = new MockConnection(ctx -> {
            recorded.add(ctx.sql() + " " + java.util.Arrays.toString(ctx.bindings()));
            return new MockResult[] {new MockResult(0, DSL.using(d.jooq()).newResult())};
        });
        TableSync.install(mock, d, "people", "person", List.of(TableSync.column("id"),
                TableSync.column("age", "age_years", Conversion.sql("CAST({} AS INTEGER)"), Conversion.identity())), List.of("id"));
        assertTrue(recorded.stream().anyMatch(s -> s.contains("CAST(") && (s.contains("CREATE") || s.contains("INSERT"))),
                "the conversion reaches the recording: " + recorded);
        assertTrue(recorded.stream().filter(s -> s.startsWith("CREATE") && s.contains("TRIGGER")).count() >= 2,
                "a trigger on each table recorded: " + recorded);
    }
}
