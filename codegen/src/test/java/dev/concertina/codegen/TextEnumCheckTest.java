package dev.concertina.codegen;

import static dev.concertina.codegen.Models.bigint;
import static dev.concertina.codegen.Models.col;
import static dev.concertina.codegen.Models.pk;
import static dev.concertina.codegen.Models.schema;
import static dev.concertina.codegen.Models.table;
import static dev.concertina.codegen.Models.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.SchemaDiff;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An {@code @Enumerated(STRING)} attribute over a text column the database already has: the plan
 * adds the value check after counting the rows outside the set, keeps the database's type, blocks
 * no writes, and afterwards the database reads as equivalent to the entities (docs/planner.md, "An
 * enum over a text column"). {@code status} is unbounded text, {@code state} a VARCHAR(20); on
 * MariaDB, whose Hibernate enum is a native {@code enum(…)}, the same rule applies.
 */
class TextEnumCheckTest {

    private static final ColumnType TEXT = ColumnType.of(TypeKind.CLOB, "text");
    private static final ColumnType VALUES = ColumnType.enumeration(List.of("DONE", "NEW"), "enum('DONE','NEW')");
    private static final Table DATABASE = table("job", pk("id"), col("id", bigint(), false),
            col("status", TEXT, true), col("state", varchar(20), true));

    @AfterAll
    static void dropSharedDatabase() {
        Harness.closeShared();
    }

    /** {@code job} as the entity reader gives it: two enums, neither writing a length. */
    private static Table entities() {
        Table t = table("job", pk("id"), col("id", bigint(), false), col("status", VALUES, true), col("state", VALUES, true));
        return t.withOrigin(Origin.entity("com.acme.Job")).withColumns(t.columns().stream()
                .map(c -> c.withOrigin(Origin.attribute("com.acme.Job", c.name()))).toList());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void addsTheValueCheckAfterCountingTheRowsOutsideTheSet(DbKind kind) throws Exception {
        Scenario s = Scenario.of("text_enum_check", schema(DATABASE), schema(entities())).seed((dsl, d) -> {
            Cases.insert(dsl, d, "job", List.of("id", "status", "state"), 1L, "NEW", "DONE");
            Cases.insert(dsl, d, "job", List.of("id", "status", "state"), 2L, "LOST", "NEW");
        });
        assertTrue(s.plan().steps(dev.concertina.runtime.Branch.EXPAND).stream().noneMatch(Step.InstallGuard.class::isInstance),
                "no write guard");
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
            String message = assertThrows(ConcertinaException.class, () -> m.sync(SyncScope.EXPAND)).getMessage();
            assertTrue(message.contains("has 1 row violating (status in ('DONE', 'NEW'))"), message);
            if (message.contains("concertina repair")) {
                m.repair();
            }
            try (Connection c = db.connect()) {
                Harness.dsl(c, d).update(org.jooq.impl.DSL.table(Cases.name(d, "job")))
                        .set(org.jooq.impl.DSL.field(Cases.name(d, "status")), "DONE")
                        .where(org.jooq.impl.DSL.field(Cases.name(d, "id")).eq(2L)).execute();
            }
            m.sync(SyncScope.EXPAND);
            m.sync(SyncScope.CONTRACT);
            try (Connection c = db.connect()) {
                var dsl = Harness.dsl(c, d);
                assertEquals(List.of("NEW", "DONE"), Cases.strings(dsl, d, "job", "status"), "no value changed");
                for (String column : List.of("status", "state")) {
                    assertThrows(org.jooq.exception.DataAccessException.class,
                            () -> Cases.insert(dsl, d, "job", List.of("id", column), 3L, "LOST"), column + " rejects other values");
                }
            }
            SchemaDiff after = Differ.compare(Harness.read(db, d), Models.fold(schema(entities()), d), DiffOptions.DEFAULTS);
            assertEquals(List.of(), after.changes(), "after expand + contract on " + kind);
            List<String> keptTypes = after.kept().stream().filter(k -> k.kind().label().equals("type")).map(k -> k.name()).sorted().toList();
            // A VARCHAR with the check reads as the enum itself; the unbounded text stays a kept type.
            assertEquals(List.of(Models.f("status", d)), keptTypes, "the database's text type is kept");
        } finally {
            if (kind != DbKind.POSTGRES) {
                db.close();
            }
        }
    }
}
