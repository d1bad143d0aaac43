package dev.concertina.codegen;

import static dev.concertina.codegen.Cases.insert;
import static dev.concertina.codegen.Cases.name;
import static dev.concertina.codegen.Cases.strings;
import static dev.concertina.codegen.Models.bigint;
import static dev.concertina.codegen.Models.col;
import static dev.concertina.codegen.Models.pk;
import static dev.concertina.codegen.Models.schema;
import static dev.concertina.codegen.Models.table;
import static dev.concertina.codegen.Models.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of a split rename is downgraded while every value is still in the new column: the
 * old column comes back filled through the down conversion, with its NOT NULL and default, the
 * sync trigger is back, and both releases can write (issue #12). While both releases run, a
 * default on either column hides neither release's value from the other.
 */
class RenameContractDowngradeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void theContractOfARenameIsDowngradedWithTheValuesBackInTheOldColumn(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        // The old column is NOT NULL with a default, the new one NOT NULL: the contract tightened it.
        Schema v1 = schema(table("person", pk("id"), col("id", bigint(), false), col("nick", varchar(50), false, "'none'")));
        Schema v2 = schema(table("person", pk("id"), col("id", bigint(), false), col("nickname", varchar(50), false)));
        List<GeneratedMigration> all = nickRenamed("rename_downgrade_", kind, v1, v2);
        String v1Revision = all.get(0).revision();
        try (FreshDatabase db = FreshDatabase.create(kind);
                Migrator m = Harness.migrator(db, Harness.compile(all))) {
            m.upgrade(v1Revision);
            try (Connection c = db.connect()) {
                DSLContext dsl = Harness.dsl(c, d);
                insert(dsl, d, "person", List.of("id", "nick"), 1L, "ada");
                insert(dsl, d, "person", List.of("id", "nick"), 2L, "bob");
            }
            m.sync(SyncScope.EXPAND);
            Schema expanded = Harness.read(db, d);
            m.sync(SyncScope.CONTRACT);
            try (Connection c = db.connect()) {
                DSLContext dsl = Harness.dsl(c, d);
                // The new release alone: its rows and changes live only in the new column.
                insert(dsl, d, "person", List.of("id", "nickname"), 3L, "cy");
                update(dsl, d, "nickname", "ada2", 1L);
            }

            m.downgrade("contract@base");

            assertEquals(List.of(), SchemaDifferences.between(expanded, Harness.read(db, d)),
                    "after the contract's downgrade the schema is the expanded one again on " + kind);
            try (Connection c = db.connect()) {
                DSLContext dsl = Harness.dsl(c, d);
                assertEquals(List.of("ada2", "bob", "cy"), strings(dsl, d, "person", "nick"), "values back in the old column");
                // The old release writes the old column only; the new release the new one only.
                insert(dsl, d, "person", List.of("id", "nick"), 4L, "dee");
                update(dsl, d, "nick", "bob2", 2L);
                insert(dsl, d, "person", List.of("id", "nickname"), 5L, "eve");
                assertEquals(List.of("ada2", "bob2", "cy", "dee", "eve"), strings(dsl, d, "person", "nickname"));
                // Row 5's "nick" is the new release's value, not the old column's default.
                assertEquals(List.of("ada2", "bob2", "cy", "dee", "eve"), strings(dsl, d, "person", "nick"));
            }
            m.downgrade(v1Revision);
            // On H2 too: the expand's sync trigger made "nick" nullable there, its downgrade NOT NULL again.
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(v1, d), Harness.read(db, d)),
                    "v1 again after both downgrades on " + kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void columnDefaultsDoNotHideEitherReleasesValueWhileBothRun(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        // Both columns have a default: each release's insert leaves the column it does not know to it.
        Schema v1 = schema(table("person", pk("id"), col("id", bigint(), false), col("nick", varchar(50), false, "'none'")));
        Schema v2 = schema(table("person", pk("id"), col("id", bigint(), false), col("nickname", varchar(50), false, "'none'")));
        List<GeneratedMigration> all = nickRenamed("rename_defaults_", kind, v1, v2);
        String v1Revision = all.get(0).revision();
        try (FreshDatabase db = FreshDatabase.create(kind);
                Migrator m = Harness.migrator(db, Harness.compile(all))) {
            m.upgrade(v1Revision);
            m.sync(SyncScope.EXPAND);
            try (Connection c = db.connect()) {
                DSLContext dsl = Harness.dsl(c, d);
                insert(dsl, d, "person", List.of("id", "nick"), 1L, "ada"); // the old release
                insert(dsl, d, "person", List.of("id", "nickname"), 2L, "bob"); // the new release
                assertEquals(List.of("ada", "bob"), strings(dsl, d, "person", "nick"), "what the old release reads");
                assertEquals(List.of("ada", "bob"), strings(dsl, d, "person", "nickname"), "what the new release reads");
            }
            m.sync(SyncScope.CONTRACT);
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(v2, d), Harness.read(db, d)),
                    "v2, with its default, after the contract on " + kind);
            try (Connection c = db.connect()) {
                DSLContext dsl = Harness.dsl(c, d);
                dsl.insertInto(DSL.table(name(d, "person")), DSL.field(name(d, "id"))).values(3L).execute();
                assertEquals(List.of("ada", "bob", "none"), strings(dsl, d, "person", "nickname"));
            }
        }
    }

    /** v1's migration, then v2's with "nick" renamed to "nickname" by a hint; the first is v1's. */
    private static List<GeneratedMigration> nickRenamed(String name, DbKind kind, Schema v1, Schema v2) {
        Scenario s = Scenario.of(name + kind.name().toLowerCase(java.util.Locale.ROOT), v1, v2)
                .hints(PlanHints.NONE.withColumnRename("person", "nick", "nickname"));
        List<GeneratedMigration> all = new ArrayList<>(s.base());
        all.addAll(s.generate(all.get(0).revision()));
        return all;
    }

    private static void update(DSLContext dsl, Dialect d, String column, String value, long id) {
        dsl.update(DSL.table(name(d, "person")))
                .set(DSL.field(name(d, column)), (Object) value)
                .where(DSL.field(name(d, "id")).eq(id))
                .execute();
    }
}
