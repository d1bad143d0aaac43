package dev.concertina.portability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.codegen.BranchHead;
import dev.concertina.engine.model.Schema;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One class builds the entities' schema on every database. A varied entity set (upper-case and
 * quoted names, camelCase default naming, ordinal and string enums, {@code byte[]}, {@code @Lob},
 * every {@code java.time} type, element collections, a join table, sequences and identities,
 * descending index keys and a JSON document) is
 * read for each database kind, compared with that kind's empty database and generated into a
 * migration class, as {@code revision --autogenerate} does; each class is then applied to a fresh
 * database of every kind, and the diff of that database against the entities read for it must be
 * empty: nine cells, all at zero.
 */
class OneClassEveryDatabaseTest {

    private static final EntitySource ENTITIES = EntitySource.packages(List.of(Path.of("target", "test-classes")),
            "dev.concertina.portability.entities");

    @Test
    void generatedOnEachDatabaseKindAppliedToEveryKindDiffsToNothing() throws Exception {
        Map<DbKind, EntityModel> models = new EnumMap<>(DbKind.class);
        Map<DbKind, List<ResolvedMigration>> classes = new EnumMap<>(DbKind.class);
        for (DbKind kind : DbKind.values()) {
            models.put(kind, new EntitySchemaReader(TargetDatabase.of(Autogenerate.dialect(kind))).readModel(ENTITIES));
        }
        for (DbKind source : DbKind.values()) {
            classes.put(source, generate(source, models.get(source)));
        }
        List<String> cells = new ArrayList<>();
        for (DbKind source : DbKind.values()) {
            for (DbKind target : DbKind.values()) {
                cells.add("generated on " + source + ", applied to " + target + ": " + apply(classes.get(source), target, models.get(target)));
            }
        }
        List<String> expected = cells.stream().map(c -> c.substring(0, c.indexOf(": ")) + ": diff = 0").toList();
        assertEquals(String.join("\n", expected), String.join("\n", cells));
    }

    /** The migration {@code revision --autogenerate} writes against an empty database of {@code source}. */
    private List<ResolvedMigration> generate(DbKind source, EntityModel model) throws Exception {
        Dialect d = Autogenerate.dialect(source);
        Schema empty;
        try (FreshDatabase db = FreshDatabase.create(source)) {
            empty = Autogenerate.live(db, d);
        }
        return Autogenerate.compile(Autogenerate.write(empty, model, d, "dev.concertina.portability.generated." + d.label(),
                "entities on " + d.label(), BranchHead.empty(), BranchHead.empty()));
    }

    /** "diff = 0", or what failed or differs. */
    private static String apply(List<ResolvedMigration> migrations, DbKind target, EntityModel expected) {
        try (FreshDatabase db = FreshDatabase.create(target)) {
            Autogenerate.sync(db, migrations);
            return Autogenerate.diff(db, Autogenerate.dialect(target), expected);
        } catch (Exception | AssertionError e) {
            String message = String.valueOf(e.getMessage());
            return "failed: " + e.getClass().getSimpleName() + " " + message.lines().findFirst().orElse("").toLowerCase(Locale.ROOT)
                    .substring(0, Math.min(300, message.lines().findFirst().orElse("").length()));
        }
    }
}
