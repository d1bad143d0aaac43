package dev.concertina.scenarios;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Direction;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.ResolvedMigration;
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
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Issue 14 item 6: every moment between two steps is a state the running code must survive.
 * {@link ScenarioCorpusTest#migrate} runs the generated expand and contract of every scenario on
 * every database with this listener: after each step the application sees (each committed step of
 * a revision without a transaction, and each whole revision) it inserts and updates a row as each
 * release allowed then would write it — the old release (v1's columns, rows shaped like the
 * scenario's {@code seed}) while expand runs, old and new (v2's columns, rows shaped like
 * {@code expect}) once it has run, only the new one while contract runs. Every failure is kept,
 * naming the step and the statement; the test then asserts there was none.
 */
final class StepBoundaryWrites implements MigrationListener {

    private final Writers writers;
    private final List<String> errors = new ArrayList<>();

    StepBoundaryWrites(FreshDatabase db, Dialect d, Scenario s, Schema v1, Schema v2) {
        this.writers = new Writers(db, d, s, v1, v2);
    }

    /** The failed writes, one line each; a run where no write succeeded is an error too. */
    List<String> errors() {
        return writers.succeeded == 0 && errors.isEmpty() ? List.of("no write ran at any step boundary") : errors;
    }

    /** Before anything runs: the old release writes. */
    void beforeExpand() {
        errors.addAll(writers.write(true, false, "before expand"));
    }

    @Override
    public void stepCompleted(ResolvedMigration revision, String step) {
        boolean expand = revision.branch() == Branch.EXPAND;
        errors.addAll(writers.write(expand, !expand, revision.id() + " after step: " + step));
    }

    @Override
    public void migrationFinished(ResolvedMigration revision, Direction direction, Duration duration) {
        // Once an expand revision has run, the new release may roll out beside the old one.
        boolean expand = revision.branch() == Branch.EXPAND;
        errors.addAll(writers.write(expand, true, "after revision " + revision.id()));
    }

    /** Inserts and updates as each release writes them, with fresh keys each time. */
    static final class Writers {
        private final FreshDatabase db;
        private final Dialect d;
        private final List<Rows> oldRows;
        private final List<Rows> newRows;
        private final Schema v1;
        private final Schema v2;
        /** Writes that succeeded. */
        int succeeded;
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
        List<String> write(boolean oldRelease, boolean newRelease, String moment) {
            List<String> errors = new ArrayList<>();
            try (Connection c = db.connect()) {
                DSLContext dsl = ScenarioCorpusTest.dsl(c, d);
                if (oldRelease) {
                    oldRows.forEach(r -> errors.addAll(writeOne(dsl, r, v1, "old release", moment)));
                }
                if (newRelease) {
                    newRows.forEach(r -> errors.addAll(writeOne(dsl, r, v2, "new release", moment)));
                }
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
                succeeded++;
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
