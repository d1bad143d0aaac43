package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Indexes and constraints created without a name, so that each database chose one
 * (PostgreSQL's {@code owners_last_name_idx}, H2's {@code CONSTRAINT_8}, MariaDB's
 * {@code last_name}), dropped by generated code on the database they were read from: every kind
 * (index, unique, foreign key, check, primary key) is found by the name it has there, never by a
 * name Concertina invents, and afterwards the database has exactly the schema asked for.
 */
class DatabaseChosenNamesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void dropsFindTheNamesTheDatabaseChose(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute(schema(kind));
            Schema live = Harness.read(db, d);
            Table owners = live.table(Models.f("owners", d)).orElseThrow();
            Table pets = live.table(Models.f("pets", d)).orElseThrow();
            assertEquals(1, owners.indexes().size(), "the index on last_name, read on " + kind);
            // owners_last_name_idx, H2's INDEX_<hex>, MariaDB's last_name: the database's, held without a name
            assertEquals("", owners.indexes().get(0).name(), "the index's name is the database's on " + kind);
            assertEquals(1, owners.uniques().size(), "the unique key on email, read on " + kind);
            assertEquals(1, owners.checks().size(), "the check on age, read on " + kind);
            assertEquals(1, pets.foreignKeys().size(), "the foreign key to owners, read on " + kind);
            assertTrue(pets.primaryKey().isPresent(), "the primary key of pets, read on " + kind);

            Schema desired = new Schema(List.of(
                    owners.withIndexes(List.of()).withUniques(List.of()).withChecks(List.of()),
                    pets.withForeignKeys(List.of()).withPrimaryKey(Optional.empty())), live.sequences());
            Plan plan = Planner.plan(Differ.diff(live, desired, DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
            List<GeneratedMigration> classes = MigrationWriter.write(plan, MigrationRequest.of(
                    "com.example.db.chosen_names_" + kind.name().toLowerCase(Locale.ROOT),
                            "drop what the database named", d,
                    BranchHead.empty(), BranchHead.empty()));
            String source = classes.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
            // (The downgrade creates the index again, under a name of Concertina's: that is its own.)
            assertFalse(source.contains("dropIndex(n.name(\"ix_"), "no drop by an invented index name:\n" + source);
            if (owners.indexes().get(0).name().isEmpty()) {
                assertTrue(source.contains("n.index(n.name(\"owners\"), n.name(\"last_name\"))"), source);
            }
            if (owners.checks().get(0).name().isEmpty()) {
                assertTrue(source.contains("n.dropCheck(n.name(\"owners\"), "), source);
            }

            try (Migrator m = Harness.migrator(db, Harness.compile(classes))) {
                m.sync(SyncScope.ALL);
            }
            assertEquals(List.of(), SchemaDifferences.between(desired, Harness.read(db, d)), "after the drops on "
                    + kind);
        }
    }

    /** Two tables whose index, unique key, check, foreign key and primary key have no name in the DDL. */
    private static String[] schema(DbKind kind) {
        String index = kind == DbKind.MARIADB ? "alter table owners add index (last_name)" : "create index on owners (last_name)";
        return new String[] {
            "create table owners (id bigint not null primary key, last_name varchar(50), email varchar(50) unique,"
                    + " age int check (age >= 0))",
            index,
            "create table pets (id bigint not null, owner_id bigint, primary key (id),"
                    + " foreign key (owner_id) references owners (id))",
        };
    }
}
