package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The realistic plan between its phases: while only expand is applied, old code still writes the
 * old column and the sync trigger copies it; the expand downgrades back to the current schema;
 * the contract refuses to downgrade, naming the dropped data.
 */
class RealisticPlanTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void expandKeepsOldCodeWorkingAndDowngradesCleanlyWhileContractRefuses(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        Scenario s = Cases.realistic();
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> change = s.generate(base.get(0).revision());
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(change);
        List<Class<?>> classes = Harness.compile(all);
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = Harness.migrator(db, classes)) {
            m.upgrade(base.get(0).revision());
            m.sync(SyncScope.EXPAND);
            try (Connection c = db.connect()) {
                // The write guard of the type change blocks old code's writes to "person" until contract.
                assertThrows(Exception.class, () -> Cases.insert(Harness.dsl(c, d), d, "person", List.of("id", "fullname"), 3L, "Eve"));
            }
            m.downgrade(base.get(0).revision());
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(s.current(), d), Harness.read(db, d)), "after expand downgrade on " + kind);
            m.sync(SyncScope.ALL);
            ConcertinaException refused = assertThrows(ConcertinaException.class, () -> m.downgrade("contract@base"));
            assertTrue(refused.getMessage().contains("dropped column \"person\".\"nickname\" data cannot be restored"), refused.getMessage());
        }
    }

    /** Between expand and contract of a rename, old code writes the old column and the sync trigger fills the new one. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void renameSyncsOldCodeWritesBetweenThePhases(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        Scenario s = Cases.named("rename_column").orElseThrow();
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(s.generate(base.get(0).revision()));
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = Harness.migrator(db, Harness.compile(all))) {
            m.upgrade(base.get(0).revision());
            m.sync(SyncScope.EXPAND);
            try (Connection c = db.connect()) {
                Cases.insert(Harness.dsl(c, d), d, "person", List.of("id", "name"), 3L, "Eve");
                assertEquals(List.of("Eve"), Cases.strings(Harness.dsl(c, d), d, "person", "display_name"));
            }
        }
    }
}
