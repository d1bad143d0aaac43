package dev.concertina.codegen;

import static dev.concertina.codegen.Models.bigint;
import static dev.concertina.codegen.Models.col;
import static dev.concertina.codegen.Models.pk;
import static dev.concertina.codegen.Models.schema;
import static dev.concertina.codegen.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code timestamp with time zone} to {@code timestamp(3)}: a narrowing like any other. Writes stay
 * open; contract counts the values the new type would change (here one whose microseconds it would
 * round) and fails with that count before any DDL (docs/planner.md, "Narrowing").
 */
class ZonedTimestampNarrowingTest {

    private static final Table ZONED = table("event", pk("id"), col("id", bigint(), false),
            col("at", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamp(6) with time zone"), true));
    private static final Table LOCAL = table("event", pk("id"), col("id", bigint(), false),
            col("at", ColumnType.temporal(TypeKind.TIMESTAMP, 3, "timestamp(3)"), true));

    @AfterAll
    static void dropSharedDatabase() {
        Harness.closeShared();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void contractCountsTheValuesTheZonelessTypeWouldChange(DbKind kind) throws Exception {
        Scenario s = Scenario.of("zoned_timestamp_narrowing", schema(ZONED), schema(LOCAL));
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(s.generate(base.get(0).revision()));
        Dialect d = Harness.dialect(kind);
        FreshDatabase db = Harness.database(kind);
        try (Migrator m = Harness.migrator(db, Harness.compile(all))) {
            m.upgrade(base.get(0).revision());
            try (Connection c = db.connect()) {
                var dsl = Harness.dsl(c, d);
                for (String instant : List.of("2024-06-01 12:00:00+00", "2024-06-01 12:00:00.123456+00")) {
                    dsl.insertInto(DSL.table(Cases.name(d, "event")), DSL.field(Cases.name(d, "id")), DSL.field(Cases.name(d, "at")))
                            .values(DSL.val(instant.contains(".") ? 2L : 1L), DSL.field("timestamp with time zone '" + instant + "'"))
                            .execute();
                }
            }
            m.sync(SyncScope.EXPAND);
            String message = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.CONTRACT)).getMessage();
            assertTrue(message.contains("\"" + Models.f("at", d) + "\" has 1 value that timestamp(3) would change"), message);
            if (message.contains("concertina repair")) {
                m.repair();
            }
            try (Connection c = db.connect()) {
                Harness.dsl(c, d).deleteFrom(DSL.table(Cases.name(d, "event"))).where(DSL.field(Cases.name(d, "id")).eq(2L)).execute();
            }
            m.sync(SyncScope.CONTRACT);
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(s.desired(), d), Harness.read(db, d)), "after contract on " + kind);
        } finally {
            if (kind != DbKind.POSTGRES) {
                db.close();
            }
        }
    }
}
