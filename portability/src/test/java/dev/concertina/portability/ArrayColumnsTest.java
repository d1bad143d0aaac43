package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate 7's basic arrays ({@code String[]}, {@code List<Integer>}) read from the entities for
 * PostgreSQL are arrays, and the class generated from an empty PostgreSQL database builds what
 * Hibernate gives each database: {@code varchar(255)[]} on PostgreSQL, {@code varchar(255) array}
 * on H2, a JSON document on MariaDB; each then diffs to nothing against the entities read for it.
 * (Not in the nine-cell matrix: a class generated from MariaDB's model, which sees only JSON,
 * cannot know PostgreSQL wants an array.)
 */
class ArrayColumnsTest {

    private static final EntitySource ENTITIES = EntitySource.packages(List.of(Path.of("target", "test-classes")),
            "dev.concertina.portability.arrays");

    @Test
    void arraysGeneratedOnPostgresBuildHibernatesTypeEverywhere() throws Exception {
        EntityModel postgres = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES)).readModel(ENTITIES);
        assertEquals(List.of(TypeKind.BIGINT, TypeKind.ARRAY, TypeKind.ARRAY),
                postgres.schema().table("tagged").orElseThrow().columns().stream().map(c -> c.type().kind()).toList());
        Schema empty;
        try (FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES)) {
            empty = Autogenerate.live(db, Dialect.POSTGRES);
        }
        List<GeneratedMigration> generated = Autogenerate.write(empty, postgres, Dialect.POSTGRES,
                "dev.concertina.portability.generated.arrays", "arrays", BranchHead.empty(), BranchHead.empty());
        String source = generated.stream().map(GeneratedMigration::source).reduce("", String::concat);
        assertTrue(source.contains("PortableTypes.array(ctx, SQLDataType.VARCHAR(255))"), source);
        List<ResolvedMigration> migrations = Autogenerate.compile(generated);

        List<String> cells = new ArrayList<>();
        for (DbKind target : DbKind.values()) {
            Dialect d = Autogenerate.dialect(target);
            EntityModel expected = new EntitySchemaReader(TargetDatabase.of(d)).readModel(ENTITIES);
            try (FreshDatabase db = FreshDatabase.create(target)) {
                Autogenerate.sync(db, migrations);
                cells.add(target + ": " + Autogenerate.diff(db, d, expected));
            }
        }
        assertEquals(List.of("H2: diff = 0", "POSTGRES: diff = 0", "MARIADB: diff = 0"), cells);
    }
}
