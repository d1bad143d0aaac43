package dev.concertina.cli.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.InMemoryCompiler;
import dev.concertina.codegen.MigrationRequest;
import dev.concertina.codegen.MigrationWriter;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.api.SchemaComparison;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.plan.Plan;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names the entities quote ({@code "group"}, {@code "position"}, {@code "user"}) are created by
 * Hibernate exactly as written on every database, unquoted ones folded. A migration generated from
 * a model read in any source dialect must build exactly those names on every target.
 */
class QuotedNamesTest {

    private static final EntitySource QUOTED = EntitySource.packages(List.of(SchemaCli.TEST_CLASSES), SchemaCli.FIXTURES + "quoted");
    private static final List<Dialect> SOURCES = List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB);

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void migrationsFromEverySourceBuildHibernatesNamesOnTarget(DbKind kind) throws Exception {
        Dialect target = SchemaCli.dialect(kind);
        Schema expected = new EntitySchemaReader(TargetDatabase.of(target)).read(QUOTED);
        assertEquals(Set.of("group", "position", "user"), expected.quotedNames(), "the reader marks the quoted names");
        for (Dialect source : SOURCES) {
            EntityModel model = new EntitySchemaReader(TargetDatabase.of(source)).readModel(QUOTED);
            SchemaComparison comparison = SchemaComparison.compare(Schema.EMPTY, model, IgnoreRules.none(), Hints.empty());
            List<GeneratedMigration> generated = MigrationWriter.write(comparison.plan(), MigrationRequest.of(
                    "dev.concertina.quoted." + source.name().toLowerCase(Locale.ROOT), "quoted names", source, BranchHead.empty(), BranchHead.empty()));
            Schema live = run(generated, kind);
            String what = "generated from " + source + ", run on " + kind;
            assertEquals(List.of(), SchemaDifferences.between(expected, live), what);
            // The live schema knows nothing of quoting; the differ must not see that as a difference.
            assertTrue(live.quotedNames().isEmpty(), what);
            assertEquals(List.of(), Differ.diff(live, expected, DiffOptions.DEFAULTS), what);
        }
    }

    @Test
    void globallyQuotedIdentifiersAreWrittenExactly() throws Exception {
        EntitySource global = ((EntitySource.Packages) QUOTED).withSettings(Map.of("hibernate.globally_quoted_identifiers", "true"));
        Schema expected = new EntitySchemaReader(TargetDatabase.of(Dialect.H2)).read(global);
        assertTrue(expected.quotedNames().containsAll(Set.of("membership", "group_id", "display_name")), expected.quotedNames()::toString);
        EntityModel model = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(global);
        Plan plan = SchemaComparison.compare(Schema.EMPTY, model, IgnoreRules.none(), Hints.empty()).plan();
        List<GeneratedMigration> generated = MigrationWriter.write(plan, MigrationRequest.of(
                "dev.concertina.quoted.global", "quoted names", Dialect.POSTGRES, BranchHead.empty(), BranchHead.empty()));
        // Read from PostgreSQL, every name is lower case; on H2 Hibernate keeps them so, quoted.
        assertEquals(List.of(), SchemaDifferences.between(expected, run(generated, DbKind.H2)));
    }

    @Test
    void aNameQuotedInOneMappingAndUnquotedInAnotherIsRefused() {
        EntitySource clash = EntitySource.packages(List.of(SchemaCli.TEST_CLASSES), SchemaCli.FIXTURES + "quotedclash");
        ConcertinaException e = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).read(clash));
        assertEquals(ErrorCode.MODEL, e.code());
        assertTrue(e.getMessage().contains("\"squad\" is quoted in one mapping and unquoted (squad) in another"), e.getMessage());
    }

    private Schema run(List<GeneratedMigration> generated, DbKind kind) throws Exception {
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(generated, getClass().getClassLoader());
        assertEquals(List.of(), compiled.diagnostics(), "javac diagnostics");
        List<ResolvedMigration> migrations = generated.stream().map(g -> ResolvedMigration.of(compiled.classes().get(g.className()))).toList();
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            try (Migrator m = Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                    .migrations(MigrationSource.of(migrations)).build())) {
                m.sync(SyncScope.ALL);
            }
            try (Connection c = db.connect()) {
                return LiveSchemaReader.read(c, SchemaCli.dialect(kind), db.schema());
            }
        }
    }
}
