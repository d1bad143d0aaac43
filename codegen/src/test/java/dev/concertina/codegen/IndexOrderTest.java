package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Index key order (what {@code @Index(columnList = "actor, at desc")} states) on an existing table:
 * an ascending index whose second key the model wants descending is a changed index, a new
 * descending index is added online, and the database then has exactly those orders.
 */
class IndexOrderTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void descendingKeysAreCreatedAndReadBack(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute(
                    "create table events (id integer primary key, actor varchar(50), seen_at bigint)",
                    "create index ix_events_actor on events (actor, seen_at)");
            Schema live = Harness.read(db, d);
            Table events = live.table(Models.f("events", d)).orElseThrow();
            String actor = Models.f("actor", d);
            String at = Models.f("seen_at", d);
            Index changed = new Index(Models.f("ix_events_actor", d), List.of(actor, at), false, Origin.UNKNOWN,
                    order("", "DESC"));
            Index added = new Index(Models.f("ix_events_seen_at", d), List.of(at), false, Origin.UNKNOWN, order("DESC"));
            Schema desired = new Schema(List.of(events.withIndexes(List.of(changed, added))), List.of());

            List<Change> diff = Differ.diff(live, desired, DiffOptions.DEFAULTS);
            assertEquals(List.of("drop_index", "add_index", "add_index"),
                    diff.stream().map(Change::kind).sorted((a, b) -> a.startsWith("drop") ? -1 : b.startsWith("drop") ? 1 : 0).toList(),
                    "the ascending index is changed, the descending one added, on " + kind);
            Plan plan = Planner.plan(diff, PlanHints.NONE).requireDecided();
            List<GeneratedMigration> classes = MigrationWriter.write(plan, MigrationRequest.of(
                    "com.example.db.index_order_" + kind.name().toLowerCase(Locale.ROOT), "descending keys", d,
                    BranchHead.empty(), BranchHead.empty()));
            String source = classes.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
            assertTrue(source.contains(".desc()"), "the key order is in the generated class:\n" + source);

            try (Migrator m = Harness.migrator(db, Harness.compile(classes))) {
                m.sync(SyncScope.ALL);
            }
            Table after = Harness.read(db, d).table(events.name()).orElseThrow();
            assertEquals(
                    Set.of(changed.name() + " " + changed.describeKey(), added.name() + " " + added.describeKey()),
                    after.indexes().stream().map(i -> i.name() + " " + i.describeKey()).collect(Collectors.toSet()),
                    "indexes read back on " + kind);
            assertEquals(List.of(), Differ.diff(Harness.read(db, d), desired, DiffOptions.DEFAULTS), "diff after sync on " + kind);
        }
    }

    /**
     * A null order, which only a model read from PostgreSQL or H2 holds (a dropped index that a
     * downgrade restores), is created as read there.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void aNullOrderReadFromTheDatabaseIsCreatedAsRead(DbKind kind) throws Exception {
        Dialect d = Harness.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute("create table events (id integer primary key, seen_at bigint)");
            Schema live = Harness.read(db, d);
            Table events = live.table(Models.f("events", d)).orElseThrow();
            String seenAt = Models.f("seen_at", d);
            Index nulls = new Index(Models.f("ix_events_nulls", d), List.of(seenAt, Models.f("id", d)), false,
                    // not each database's default null order (H2: low, PostgreSQL: high), which reads as plain
                    Origin.UNKNOWN, kind == DbKind.H2 ? order("DESC NULLS FIRST", "NULLS LAST") : order("DESC NULLS LAST", "NULLS FIRST"));
            Schema desired = new Schema(List.of(events.withIndexes(List.of(nulls))), List.of());
            Plan plan = Planner.plan(Differ.diff(live, desired, DiffOptions.DEFAULTS), PlanHints.NONE).requireDecided();
            List<GeneratedMigration> classes = MigrationWriter.write(plan, MigrationRequest.of(
                    "com.example.db.index_nulls_" + kind.name().toLowerCase(Locale.ROOT), "null order", d,
                    BranchHead.empty(), BranchHead.empty()));
            String source = classes.stream().map(GeneratedMigration::source).collect(Collectors.joining("\n"));
            assertTrue(kind == DbKind.H2
                    ? source.contains(".desc().nullsFirst()") && source.contains(".asc().nullsLast()")
                    : source.contains(".desc().nullsLast()") && source.contains(".asc().nullsFirst()"), source);
            try (Migrator m = Harness.migrator(db, Harness.compile(classes))) {
                m.sync(SyncScope.ALL);
            }
            Table after = Harness.read(db, d).table(events.name()).orElseThrow();
            assertEquals(List.of(nulls.describeKey()), after.indexes().stream().map(Index::describeKey).toList());
        }
    }

    private static IndexDetails order(String... keys) {
        return new IndexDetails(List.of(keys), Set.of(), Optional.empty(), "", List.of());
    }
}
