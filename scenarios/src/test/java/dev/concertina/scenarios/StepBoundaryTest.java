package dev.concertina.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Direction;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14 item 6: every moment between two steps is a state the running code must survive. For
 * every scenario of the corpus on every database, the generated expand and contract run, and
 * after each step the application sees (each committed step of a revision without a transaction,
 * and each whole revision) an insert and an update run as each release allowed then would write
 * them: the old release (v1's columns, rows shaped like the scenario's {@code seed}) and the new
 * one (v2's columns, rows shaped like {@code expect}) during expand, only the new one during
 * contract. Any error fails the test, naming the scenario, the step and the statement.
 */
class StepBoundaryTest {

    static Stream<Arguments> cases() {
        return ScenarioCorpusTest.cases();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void everyReleaseAllowedAtAStepBoundaryCanWrite(String name, DbKind kind) throws Exception {
        Scenario s = Scenario.named(name);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            ScenarioCorpusTest.Prepared p = ScenarioCorpusTest.prepare(s, db);
            Plan plan = p.plan();
            if (!plan.possibleRenames().isEmpty() || plan.isEmpty() || s.knownGap(kind).isPresent()) {
                return; // refused, empty or a known gap: ScenarioCorpusTest covers those
            }
            Dialect d = p.dialect();
            Writers writers = new Writers(db, d, s, p.current(), p.desired());
            List<String> errors = new ArrayList<>();
            MigrationListener probe = new MigrationListener() {
                @Override
                public void stepCompleted(ResolvedMigration revision, String step) {
                    errors.addAll(writers.write(revision.branch() == dev.concertina.runtime.Branch.EXPAND,
                            revision.id() + " after step: " + step));
                }

                @Override
                public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
                    errors.addAll(writers.write(revision.branch() == dev.concertina.runtime.Branch.EXPAND,
                            "after revision " + revision.id()));
                }
            };
            try (Migrator m = Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                    .listener(probe)
                    .migrations(MigrationSource.of(ScenarioCorpusTest.migrations(s, p).stream().map(ResolvedMigration::of).toList()))
                    .build())) {
                errors.addAll(writers.write(true, "before expand"));
                m.sync(SyncScope.EXPAND);
                m.sync(SyncScope.CONTRACT);
            }
            assertEquals(List.of(), errors, name + " on " + kind + ": writes that failed at a step boundary");
        }
    }

    /** Inserts and updates as each release writes them, with fresh keys each time. */
    static final class Writers {
        private final FreshDatabase db;
        private final Dialect d;
        private final List<Rows> oldRows;
        private final List<Rows> newRows;
        private final Schema v1;
        private final Schema v2;
        /** One counter for every table: the two tables of a renamed table never get the same fresh key. */
        private int next;

        Writers(FreshDatabase db, Dialect d, Scenario s, Schema v1, Schema v2) {
            this.db = db;
            this.d = d;
            this.v1 = v1;
            this.v2 = v2;
            this.oldRows = firstPerTable(s.seed());
            this.newRows = firstPerTable(s.expect());
        }

        private static List<Rows> firstPerTable(List<String> lines) {
            Map<String, Rows> first = new LinkedHashMap<>();
            lines.stream().map(Rows::parse).forEach(r -> first.putIfAbsent(r.table(), r));
            return List.copyOf(first.values());
        }

        /** The writes of the releases allowed now; the failures, one line each. */
        List<String> write(boolean expandPhase, String moment) {
            List<String> errors = new ArrayList<>();
            try (Connection c = db.connect()) {
                DSLContext dsl = ScenarioCorpusTest.dsl(c, d);
                if (expandPhase) {
                    oldRows.forEach(r -> errors.addAll(writeOne(dsl, r, v1, "old release", moment)));
                }
                newRows.forEach(r -> errors.addAll(writeOne(dsl, r, v2, "new release", moment)));
            } catch (java.sql.SQLException e) {
                errors.add(moment + ": cannot connect: " + e.getMessage());
            }
            return errors;
        }

        private List<String> writeOne(DSLContext dsl, Rows template, Schema release, String who, String moment) {
            Optional<Table> table = release.tables().stream().filter(t -> t.name().equalsIgnoreCase(template.table())).findFirst();
            if (table.isEmpty()) {
                return List.of();
            }
            Set<String> fresh = new java.util.HashSet<>();
            table.get().primaryKey().ifPresent(pk -> pk.columns().forEach(col -> fresh.add(col.toLowerCase(Locale.ROOT))));
            table.get().uniques().forEach(u -> u.columns().forEach(col -> fresh.add(col.toLowerCase(Locale.ROOT))));
            table.get().indexes().stream().filter(i -> i.unique())
                    .forEach(i -> i.columns().forEach(col -> fresh.add(col.toLowerCase(Locale.ROOT))));
            int n = ++next;
            Map<String, Object> values = new LinkedHashMap<>();
            template.values().forEach((k, v) -> values.put(k, fresh.contains(k) ? freshValue(v, n) : v));
            List<String> errors = new ArrayList<>();
            Rows row = new Rows(template.table(), values);
            try {
                row.insert(dsl, d);
            } catch (RuntimeException e) {
                errors.add(moment + ": " + who + " insert " + values + " into " + template.table() + ": " + oneLine(e));
                return errors;
            }
            try {
                List<org.jooq.Condition> key = new ArrayList<>();
                Map<Field<Object>, Object> set = new LinkedHashMap<>();
                values.forEach((k, v) -> {
                    Field<Object> f = DSL.field(Rows.name(k, d), Object.class);
                    if (fresh.contains(k) && v != null) {
                        key.add(f.eq(DSL.val(v)));
                    } else {
                        set.put(f, v);
                    }
                });
                if (!set.isEmpty() && !key.isEmpty()) {
                    dsl.update(DSL.table(Rows.name(template.table(), d))).set(set).where(key).execute();
                }
            } catch (RuntimeException e) {
                errors.add(moment + ": " + who + " update of " + template.table() + " " + values + ": " + oneLine(e));
            }
            return errors;
        }

        private static Object freshValue(Object v, int n) {
            if (v instanceof Integer i) {
                return 100_000 + n;
            }
            return v == null ? null : v + "#" + n;
        }

        private static String oneLine(Throwable e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return nl < 0 ? m : m.substring(0, nl);
        }
    }
}
