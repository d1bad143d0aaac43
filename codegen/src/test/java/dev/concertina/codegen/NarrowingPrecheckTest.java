package dev.concertina.codegen;

import static dev.concertina.codegen.Models.bigint;
import static dev.concertina.codegen.Models.col;
import static dev.concertina.codegen.Models.decimal;
import static dev.concertina.codegen.Models.integer;
import static dev.concertina.codegen.Models.pk;
import static dev.concertina.codegen.Models.schema;
import static dev.concertina.codegen.Models.table;
import static dev.concertina.codegen.Models.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Table;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every narrowing the model asks for checks the existing rows first and fails with the number of
 * rows that would not fit, before any DDL: never a silent truncation (docs/planner.md). One table
 * narrows three ways; two rows break the decimal's scale, one the integer's range, one the length.
 */
class NarrowingPrecheckTest {

    private static final Table WIDE = table("measure", pk("id"), col("id", bigint(), false),
            col("amount", decimal(10, 4), true), col("big", bigint(), true), col("label", varchar(200), true));
    private static final Table NARROW = table("measure", pk("id"), col("id", bigint(), false),
            col("amount", decimal(10, 2), true), col("big", integer(), true), col("label", varchar(5), true));

    @AfterAll
    static void dropSharedDatabase() {
        Harness.closeShared();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void contractFailsWithTheCountOfRowsThatDoNotFit(DbKind kind) throws Exception {
        Scenario s = Scenario.of("narrowing_precheck", schema(WIDE), schema(NARROW)).seed((dsl, d) -> {
            Cases.insert(dsl, d, "measure", List.of("id", "amount", "big", "label"), 1L, new BigDecimal("1.25"), 1L, "ok");
            Cases.insert(dsl, d, "measure", List.of("id", "amount", "big", "label"), 2L, new BigDecimal("1.2345"), 3_000_000_000L,
                    "far too long");
            Cases.insert(dsl, d, "measure", List.of("id", "amount", "big", "label"), 3L, new BigDecimal("2.001"), 2L, "fits");
        });
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(s.generate(base.get(0).revision()));
        Dialect d = Harness.dialect(kind);
        FreshDatabase db = Harness.database(kind);
        try (Migrator m = Harness.migrator(db, Harness.compile(all))) {
            m.upgrade(base.get(0).revision());
            try (Connection c = db.connect()) {
                s.seed().run(Harness.dsl(c, d), d);
            }
            m.sync(SyncScope.EXPAND);
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.CONTRACT));
            String message = e.getMessage();
            // Changes run in name order: amount's check is the first to fail.
            assertTrue(message.contains("has 2 values with more than 8 digits before the decimal point or 2 after it"), message);
            repairIfBlocked(m, message);
            try (Connection c = db.connect()) {
                assertEquals(List.of("1.2345", "2.0010"), Cases.strings(Harness.dsl(c, d), d, "measure", "amount").subList(1, 3)
                        .stream().map(v -> new BigDecimal(v).setScale(4).toPlainString()).toList(), "no row was rounded");
                fix(c, d, "amount", new BigDecimal("1.23"));
            }
            message = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.CONTRACT)).getMessage();
            assertTrue(message.contains("has 1 value outside -2147483648 .. 2147483647"), message);
            repairIfBlocked(m, message);
            try (Connection c = db.connect()) {
                fix(c, d, "big", 3L);
            }
            message = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.CONTRACT)).getMessage();
            assertTrue(message.contains("has 1 value longer than 5 characters"), message);
            repairIfBlocked(m, message);
            try (Connection c = db.connect()) {
                fix(c, d, "label", "long");
            }
            m.sync(SyncScope.CONTRACT);
        } finally {
            if (kind != DbKind.POSTGRES) {
                db.close();
            }
        }
    }

    /** A revision that ran without a transaction (H2, MariaDB) waits for repair; the pre-check ran before any DDL. */
    private static void repairIfBlocked(Migrator m, String message) {
        if (message.contains("concertina repair")) {
            m.repair();
        }
    }

    /** Puts a fitting value into the offending row (id 2), and into row 3 for the decimal. */
    private static void fix(Connection c, Dialect d, String column, Object value) {
        var dsl = Harness.dsl(c, d);
        dsl.update(org.jooq.impl.DSL.table(Cases.name(d, "measure")))
                .set(org.jooq.impl.DSL.field(Cases.name(d, column)), value)
                .where(org.jooq.impl.DSL.field(Cases.name(d, "id")).in(2L, 3L)).execute();
    }
}
