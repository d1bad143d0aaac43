package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.codegen.BranchHead;
import dev.concertina.codegen.GeneratedMigration;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.SchemaDiff;
import dev.concertina.entities.EntityModel;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL enum type under a plain {@code @Enumerated(STRING)} attribute (issue 12): the label
 * order is never a difference, missing labels are added in place, extra ones kept; the round trip
 * converges (diff after sync = 0).
 */
class PlainEnumOverEnumTypeTest {

    private static final Dialect PG = Dialect.POSTGRES;

    private static EntityModel model() {
        return new EntitySchemaReader(TargetDatabase.of(PG)).readModel(EntitySource.packages(
                List.of(Path.of("target", "test-classes")), "dev.concertina.portability.enums.plain"));
    }

    private static FreshDatabase withType(String labels) throws Exception {
        FreshDatabase db = FreshDatabase.create(DbKind.POSTGRES);
        db.execute("create type mood_t as enum (" + labels + ")");
        db.execute("create table feeling (id bigint primary key, f mood_t)");
        return db;
    }

    @Test
    void sameLabelsInEitherOrderAreEquivalentAndKept() throws Exception {
        for (String labels : List.of("'sad', 'ok', 'happy'", "'happy', 'ok', 'sad'", "'ok', 'sad', 'happy'")) {
            try (FreshDatabase db = withType(labels)) {
                SchemaDiff diff = Differ.compare(Autogenerate.live(db, PG), model().schema(), DiffOptions.DEFAULTS);
                assertEquals(List.of(), diff.changes(), labels);
                // The entity reader lists the values sorted: only another order is a kept equivalence.
                boolean sorted = labels.equals("'happy', 'ok', 'sad'");
                assertEquals(!sorted,
                        diff.kept().stream().anyMatch(k -> k.toString().contains("exactly the enum's values")),
                        labels + ": " + diff.kept());
            }
        }
    }

    @Test
    void missingLabelsAreAddedAndTheRoundTripConverges() throws Exception {
        try (FreshDatabase db = withType("'ok', 'sad'")) {
            db.execute("insert into feeling (id, f) values (1, 'ok')");
            List<GeneratedMigration> generated = Autogenerate.write(Autogenerate.live(db, PG), model(), PG,
                    "dev.concertina.portability.generated.plainenum.add", "labels", BranchHead.empty(),
                    BranchHead.empty());
            Autogenerate.sync(db, Autogenerate.compile(generated));
            assertEquals(List.of("ok", "sad", "happy"), Autogenerate.live(db, PG).table("feeling").orElseThrow()
                    .column("f").orElseThrow().type().enumValues(), "the type keeps its labels and gains the new one");
            assertEquals("diff = 0", Autogenerate.diff(db, PG, model()), "after sync");
        }
    }

    @Test
    void extraLabelsAreKept() throws Exception {
        try (FreshDatabase db = withType("'sad', 'meh', 'ok', 'happy'")) {
            SchemaDiff diff = Differ.compare(Autogenerate.live(db, PG), model().schema(), DiffOptions.DEFAULTS);
            assertEquals(List.of(), diff.changes());
            assertTrue(diff.kept().stream().anyMatch(k -> k.toString().contains("and more")), diff.kept().toString());
        }
    }
}
