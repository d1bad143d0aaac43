package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testkit.DbKind;
import dev.concertina.testkit.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked-in migrations of module {@code samples/identity/migrations}, exactly as
 * {@code revision --autogenerate} wrote them ({@code regenerate.sh}): from an empty database
 * {@code sync} applies all of them, and what they build reads back as the head model's schema
 * for that database, with no difference; then the application of the head version runs on it.
 */
class GeneratedMigrationsTest {

    /** The package the migrations were generated into (concertina.properties). */
    static final String MIGRATIONS = "dev.concertina.samples.identity.migrations";

    /** The model version the newest checked-in migration brings the database to. */
    static final ModelVersion HEAD = ModelVersion.V2;

    static Migrator migrator(FreshDatabase db) {
        return Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .migrations(GeneratedMigrationsTest.class.getClassLoader(), MIGRATIONS).build());
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void syncFromEmptyBuildsTheHeadModelsSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Migrator m = migrator(db)) {
                List<AppliedRevision> applied = m.sync(SyncScope.ALL);
                assertEquals(m.graph().chain(dev.concertina.runtime.Branch.EXPAND).size()
                        + m.graph().chain(dev.concertina.runtime.Branch.CONTRACT).size(), applied.size(), "every revision applied");
                assertEquals(CheckResult.UP_TO_DATE, m.check(), "check after sync");
            }
            try (Connection c = db.connect()) {
                Schema live = LiveSchemaReader.read(c, ModelVersion.dialect(kind), db.schema());
                Schema entities = HEAD.schema(ModelVersion.dialect(kind));
                assertEquals(List.of(), SchemaDifferences.between(entities, live),
                        HEAD.label() + " entity schema (expected) against what the generated migrations built (found)");
            }
            ApplicationScenario.run(HEAD, db);
        }
    }
}
