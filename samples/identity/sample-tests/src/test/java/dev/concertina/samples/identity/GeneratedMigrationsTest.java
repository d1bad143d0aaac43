package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.RulesFilter;
import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked-in migrations of module {@code samples/identity/migrations}, exactly as
 * {@code revision --autogenerate} wrote them on H2 ({@code regenerate.sh}): from an empty database
 * {@code sync} applies all of them, what they build reads back as the head model's schema for that
 * database with no difference, the differ behind {@code diff} and {@code revision --autogenerate}
 * finds nothing left to do, and the application of the head version runs on it.
 */
class GeneratedMigrationsTest {

    /** The package the migrations were generated into (concertina.properties). */
    static final String MIGRATIONS = "dev.concertina.samples.identity.migrations";

    /** The model version the newest checked-in migration brings the database to. */
    static final ModelVersion HEAD = ModelVersion.V3;

    static Migrator migrator(FreshDatabase db) {
        return Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .migrations(GeneratedMigrationsTest.class.getClassLoader(), MIGRATIONS).build());
    }

    /** The sample's rules file, as the command reads it from {@code samples/identity}. */
    static IgnoreRules rules() {
        return IgnoreRules.parse(ModelVersion.sampleDirectory().resolve(IgnoreRules.DEFAULT_FILE));
    }

    /**
     * Asserts that {@code db}'s schema is {@code version}'s entity schema for that database: no
     * structural difference, and no change for autogenerate to write.
     */
    static void assertSchemaIs(ModelVersion version, FreshDatabase db) throws SQLException {
        Schema entities = version.schema(ModelVersion.dialect(db.kind()));
        Schema live;
        try (Connection c = db.connect()) {
            live = LiveSchemaReader.read(c, ModelVersion.dialect(db.kind()), db.schema());
        }
        assertEquals(List.of(), SchemaDifferences.between(entities, live),
                version.label() + " entity schema (expected) against the database (found) on " + db.kind().label());
        List<Change> changes = Differ.diff(live, entities, DiffOptions.DEFAULTS.withIgnore(RulesFilter.of(rules())));
        assertEquals(List.of(), changes.stream().map(Change::describe).toList(),
                "what autogenerate would still write for " + version.label() + " on " + db.kind().label());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void syncFromEmptyBuildsTheHeadModelsSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Migrator m = migrator(db)) {
                int revisions = m.graph().chain(Branch.EXPAND).size() + m.graph().chain(Branch.CONTRACT).size();
                assertEquals(5, revisions, "v1 expand; v2 expand and contract; v3 expand and contract");
                List<AppliedRevision> applied = m.sync(SyncScope.ALL);
                assertEquals(revisions, applied.size(), "every revision applied");
                assertEquals(CheckResult.UP_TO_DATE, m.check(), "check after sync");
            }
            assertSchemaIs(HEAD, db);
            ApplicationScenario.run(HEAD, db);
        }
    }
}
