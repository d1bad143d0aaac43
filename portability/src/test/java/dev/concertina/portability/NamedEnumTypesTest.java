package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.codegen.PlanSql;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Enumerated(STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM)}: a PostgreSQL enum type, created
 * before its table and given a new label in place ({@code alter type … add value}, expand); on H2
 * the enumeration H2 holds; on MariaDB Hibernate has no mapping at all, which the entity reader
 * says in one line.
 */
class NamedEnumTypesTest {

    private static EntitySource entities(String version) {
        return EntitySource.packages(
                List.of(Path.of("target", "test-classes")), "dev.concertina.portability.enums." + version);
    }

    @Test
    void postgresEnumTypeIsCreatedAndGainsALabel() throws Exception {
        Dialect d = Dialect.POSTGRES;
        EntityModel v1 = new EntitySchemaReader(TargetDatabase.of(d)).readModel(entities("v1"));
        EntityModel v2 = new EntitySchemaReader(TargetDatabase.of(d)).readModel(entities("v2"));
        ColumnType mood = v1.schema().table("moody").orElseThrow().column("mood").orElseThrow().type();
        assertEquals(List.of("ANGRY", "CALM"), mood.enumValues());
        assertEquals(List.of("enum type mood"), mood.modifiers());
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            // The entity reader says what Hibernate's own DDL builds.
            EntityDdl.createScript(entities("v1"), TargetDatabase.of(d)).forEach(sql -> execute(db, sql));
            assertEquals(List.of(), Differ.diff(Autogenerate.live(db, d), v1.schema(), DiffOptions.DEFAULTS));
        }
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            String pkg = "dev.concertina.portability.generated.enums.postgres";
            List<GeneratedMigration> first = Autogenerate.write(
                    Autogenerate.live(db, d), v1, d, pkg + ".v1", "moody", BranchHead.empty(), BranchHead.empty());
            assertTrue(source(first, Branch.EXPAND).contains("EnumTypes.create(ctx, \"mood\", \"ANGRY\", \"CALM\")"),
                    source(first, Branch.EXPAND));
            // diff --format sql shows the type created before its table.
            String sql = PlanSql.render(Autogenerate.plan(Autogenerate.live(db, d), v1), d, d);
            assertTrue(sql.indexOf("create type \"mood\" as enum ('ANGRY', 'CALM')") >= 0
                    && sql.indexOf("create type") < sql.indexOf("create table"), sql);
            List<ResolvedMigration> applied = new ArrayList<>(Autogenerate.compile(first));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "after version 1");
            db.execute("insert into moody (id, mood) values (1, 'CALM')");
            assertTrue(PlanSql.render(Autogenerate.plan(Autogenerate.live(db, d), v2), d, d)
                    .contains("alter type \"mood\" add value if not exists 'BORED' before 'CALM'"));

            List<GeneratedMigration> second = Autogenerate.write(Autogenerate.live(db, d), v2, d, pkg + ".v2",
                    "moody v2", head(first, Branch.EXPAND), head(first, Branch.CONTRACT));
            assertTrue(source(second, Branch.EXPAND).contains("EnumTypes.changeValues(ctx"), source(second, Branch.EXPAND));
            applied.addAll(Autogenerate.compile(second));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v2), "after version 2");
            db.execute("insert into moody (id, mood) values (2, 'BORED')");
            assertEquals(List.of("ANGRY", "BORED", "CALM"), Autogenerate.live(db, d).table("moody").orElseThrow()
                    .column("mood").orElseThrow().type().enumValues(), "the label added in its sorted place");

            // Removing a label has no in-place statement: the plan warns, the step refuses on PostgreSQL in one line.
            List<GeneratedMigration> third = Autogenerate.write(Autogenerate.live(db, d), v1, d, pkg + ".v3",
                    "moody v3", head(second, Branch.EXPAND), head(second, Branch.CONTRACT));
            applied.addAll(Autogenerate.compile(third));
            db.execute("delete from moody where id = 2");
            Exception e = assertThrows(Exception.class, () -> Autogenerate.sync(db, applied));
            String message = e.getMessage() + " / " + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(message.contains("cannot remove labels [BORED]") && message.contains("by hand"), message);
        }
    }

    @Test
    void h2HoldsTheEnumerationAndMariaDbHasNoMapping() throws Exception {
        Dialect d = Dialect.H2;
        EntityModel v1 = new EntitySchemaReader(TargetDatabase.of(d)).readModel(entities("v1"));
        EntityModel v2 = new EntitySchemaReader(TargetDatabase.of(d)).readModel(entities("v2"));
        EntityModel postgres = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(entities("v1"));
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2)) {
            List<GeneratedMigration> first = Autogenerate.write(Autogenerate.live(db, d), v1, d,
                    "dev.concertina.portability.generated.enums.h2.v1", "moody", BranchHead.empty(), BranchHead.empty());
            List<ResolvedMigration> applied = new ArrayList<>(Autogenerate.compile(first));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "after version 1");
            List<GeneratedMigration> second = Autogenerate.write(Autogenerate.live(db, d), v2, d,
                    "dev.concertina.portability.generated.enums.h2.v2", "moody v2",
                    head(first, Branch.EXPAND), head(first, Branch.CONTRACT));
            applied.addAll(Autogenerate.compile(second));
            Autogenerate.sync(db, applied);
            assertEquals("diff = 0", Autogenerate.diff(db, d, v2), "after version 2");
        }
        // The class generated on PostgreSQL builds H2's enumeration there.
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2);
                FreshDatabase pg = FreshDatabase.create(DbKind.POSTGRES)) {
            List<GeneratedMigration> fromPostgres = Autogenerate.write(Autogenerate.live(pg, Dialect.POSTGRES), postgres,
                    Dialect.POSTGRES, "dev.concertina.portability.generated.enums.pg2h2", "moody", BranchHead.empty(),
                    BranchHead.empty());
            Autogenerate.sync(db, Autogenerate.compile(fromPostgres));
            assertEquals("diff = 0", Autogenerate.diff(db, d, v1), "PostgreSQL's class on H2");
        }
        ConcertinaException e = assertThrows(ConcertinaException.class,
                () -> new EntitySchemaReader(TargetDatabase.of(Dialect.MARIADB)).readModel(entities("v1")));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("mood") && e.getMessage().contains("NAMED_ENUM"), e.getMessage());
    }

    private static void execute(FreshDatabase db, String sql) {
        try {
            db.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private static String source(List<GeneratedMigration> generated, Branch branch) {
        return generated.stream().filter(g -> g.branch() == branch).map(GeneratedMigration::source)
                .findFirst().orElse("no " + branch + " class");
    }

    private static BranchHead head(List<GeneratedMigration> generated, Branch branch) {
        return generated.stream().filter(m -> m.branch() == branch).findFirst()
                .map(m -> BranchHead.of(m.revision(), 1)).orElse(BranchHead.empty());
    }
}
