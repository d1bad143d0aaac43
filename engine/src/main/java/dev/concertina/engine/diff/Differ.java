package dev.concertina.engine.diff;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compares two schemas and returns the changes that turn {@code current} into {@code desired}.
 *
 * <p>Comparison is set algebra over names (added = desired − current, dropped = current − desired,
 * common ones compared in detail), after the ignore rules have removed the same objects from both
 * sides (ignoring a table also ignores the foreign keys that point into it). Indexes and constraints are matched first by name (when both names are non-empty), then
 * by their columns (index, unique), columns and target (foreign key) or expression (check), so a
 * system-generated or dialect-specific name never makes a difference on its own. A matched pair
 * whose definitions differ becomes a drop plus an add. Triggers are never compared. The result is
 * in {@link ChangeOrder}.
 */
public final class Differ {

    private Differ() {}

    /**
     * The changes from {@code current} to {@code desired} to plan, in dependency-safe order: those
     * of {@link #compare} (what is kept is left out).
     */
    public static List<Change> diff(Schema current, Schema desired, DiffOptions options) {
        return compare(current, desired, options).changes();
    }

    /**
     * The changes to plan and the differences kept: what the database has and entities read from
     * classes do not write, and equivalents ({@link KeptDifferences}, docs/planner.md).
     */
    public static SchemaDiff compare(Schema current, Schema desired, DiffOptions options) {
        Schema cur = prepare(current, options);
        Schema des = prepare(desired, options);
        List<Change> out = new ArrayList<>();

        Map<String, Table> curTables = byName(cur.tables(), Table::name);
        Map<String, Table> desTables = byName(des.tables(), Table::name);
        for (Table t : curTables.values()) {
            if (!desTables.containsKey(t.name())) {
                t.foreignKeys().forEach(fk -> out.add(new Change.DropForeignKey(t.name(), fk)));
                out.add(new Change.DropTable(t.withForeignKeys(List.of())));
            }
        }
        for (Table t : desTables.values()) {
            if (!curTables.containsKey(t.name())) {
                out.add(new Change.AddTable(t.withForeignKeys(List.of())));
                t.foreignKeys().forEach(fk -> out.add(new Change.AddForeignKey(t.name(), fk)));
            }
        }
        for (Table c : curTables.values()) {
            Table d = desTables.get(c.name());
            if (d != null) {
                compareTable(c, d, options, out);
            }
        }

        Map<String, Sequence> curSeq = byName(cur.sequences(), Sequence::name);
        Map<String, Sequence> desSeq = byName(des.sequences(), Sequence::name);
        curSeq.values().stream()
                .filter(s -> !desSeq.containsKey(s.name()))
                .forEach(s -> out.add(new Change.DropSequence(s)));
        for (Sequence d : desSeq.values()) {
            Sequence c = curSeq.get(d.name());
            if (c == null) {
                out.add(new Change.AddSequence(d));
            } else if (c.start() != d.start() || c.increment() != d.increment()) {
                out.add(new Change.AlterSequence(c, d));
            }
        }
        return KeptDifferences.split(out, cur, des, options.ignore(), options.preexisting());
    }

    private static void compareTable(Table cur, Table des, DiffOptions options, List<Change> out) {
        String table = cur.name();
        Set<String> desNames = new TreeSet<>();
        des.columns().forEach(c -> desNames.add(c.name()));
        for (Column c : cur.columns()) {
            if (!desNames.contains(c.name())) {
                out.add(new Change.DropColumn(table, c));
            }
        }
        for (Column stated : des.columns()) {
            Optional<Column> c = cur.column(stated.name());
            if (c.isEmpty()) {
                out.add(new Change.AddColumn(table, stated));
                continue;
            }
            // What the desired side does not state (type modifiers, an UNSUPPORTED type) is kept as the database has
            // it.
            Column d = c.get().statedOver(stated);
            Set<ColumnAspect> ignored = options.ignore().ignoredAspects(table, d.name());
            EnumSet<ColumnAspect> aspects = EnumSet.noneOf(ColumnAspect.class);
            for (ColumnAspect a : ColumnAspect.values()) {
                if (a.differs(c.get(), d) && !ignored.contains(a)) {
                    aspects.add(a);
                }
            }
            if (!aspects.isEmpty()) {
                // "to" is the current column with only the compared aspects taken from the model, so
                // an ignored aspect keeps its live value and from/to differ in exactly these aspects.
                Column to = c.get().withOrigin(d.origin());
                for (ColumnAspect a : aspects) {
                    to = a.copy(d, to);
                }
                out.add(new Change.AlterColumn(table, c.get(), to, aspects));
            }
        }

        Optional<List<String>> curPk = cur.primaryKey().map(PrimaryKey::columns);
        Optional<List<String>> desPk = des.primaryKey().map(PrimaryKey::columns);
        if (!curPk.equals(desPk)) {
            out.add(new Change.AlterPrimaryKey(table, cur.primaryKey(), des.primaryKey()));
        }

        match(
                cur.indexes(),
                des.indexes(),
                Index::name,
                Index::columns,
                (a, b) -> a.columns().equals(b.columns())
                        && a.unique() == b.unique()
                        && a.details().matches(b.details()),
                i -> out.add(new Change.DropIndex(table, i)),
                i -> out.add(new Change.AddIndex(table, i)));
        match(
                cur.uniques(),
                des.uniques(),
                UniqueConstraint::name,
                UniqueConstraint::columns,
                (a, b) -> a.columns().equals(b.columns())
                        && (b.deferrable().isEmpty() || a.deferrable().equals(b.deferrable())),
                u -> out.add(new Change.DropUnique(table, u)),
                u -> out.add(new Change.AddUnique(table, u)));
        match(
                cur.foreignKeys(),
                des.foreignKeys(),
                ForeignKey::name,
                fk -> List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns()),
                (a, b) -> a.columns().equals(b.columns())
                        && a.referencedTable().equals(b.referencedTable())
                        && a.referencedColumns().equals(b.referencedColumns())
                        && a.onDelete() == b.onDelete()
                        && a.onUpdate() == b.onUpdate()
                        && (b.deferrable().isEmpty() || a.deferrable().equals(b.deferrable())),
                fk -> out.add(new Change.DropForeignKey(table, fk)),
                fk -> out.add(new Change.AddForeignKey(table, fk)));
        match(
                cur.checks(),
                des.checks(),
                CheckConstraint::name,
                CheckConstraint::expression,
                (a, b) -> a.expression().equals(b.expression()),
                ch -> out.add(new Change.DropCheck(table, ch)),
                ch -> out.add(new Change.AddCheck(table, ch)));

        if (!cur.comment().equals(des.comment())) {
            out.add(new Change.AlterTableComment(table, cur.comment(), des.comment()));
        }
    }

    /**
     * Pairs elements by non-empty equal name, then the rest by key. Paired elements that are not
     * {@code same} are reported as dropped and added; unpaired ones as dropped or added.
     */
    private static <T> void match(
            List<T> cur,
            List<T> des,
            Function<T, String> name,
            Function<T, Object> key,
            BiPredicate<T, T> same,
            java.util.function.Consumer<T> dropped,
            java.util.function.Consumer<T> added) {
        List<T> restCur = new ArrayList<>(cur);
        List<T> restDes = new ArrayList<>();
        List<T[]> pairs = new ArrayList<>();
        for (T d : des) {
            Optional<T> c = name.apply(d).isEmpty()
                    ? Optional.empty()
                    : restCur.stream()
                            .filter(x -> name.apply(x).equals(name.apply(d)))
                            .findFirst();
            if (c.isPresent()) {
                restCur.remove(c.get());
                pairs.add(pair(c.get(), d));
            } else {
                restDes.add(d);
            }
        }
        for (T d : List.copyOf(restDes)) {
            Optional<T> c = restCur.stream()
                    .filter(x -> key.apply(x).equals(key.apply(d)))
                    .findFirst();
            if (c.isPresent()) {
                restCur.remove(c.get());
                restDes.remove(d);
                pairs.add(pair(c.get(), d));
            }
        }
        for (T[] p : pairs) {
            if (!same.test(p[0], p[1])) {
                dropped.accept(p[0]);
                added.accept(p[1]);
            }
        }
        restCur.forEach(dropped);
        restDes.forEach(added);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] pair(T a, T b) {
        return (T[]) new Object[] {a, b};
    }

    /** Both sides get the same treatment: ignore rules, no triggers, comments only when compared. */
    private static Schema prepare(Schema s, DiffOptions options) {
        IgnoreFilter ig = options.ignore();
        List<Table> tables = new ArrayList<>();
        for (Table t : s.tables()) {
            String tn = t.name();
            if (ig.ignores(ObjectKind.TABLE, tn, tn, List.of())) {
                continue;
            }
            Table x = t.withColumns(
                            keep(t.columns(), c -> !ig.ignores(ObjectKind.COLUMN, tn, c.name(), List.of(c.name()))))
                    .withIndexes(keep(t.indexes(), i -> !ig.ignores(ObjectKind.INDEX, tn, i.name(), i.columns())))
                    .withUniques(keep(t.uniques(), u -> !ig.ignores(ObjectKind.UNIQUE, tn, u.name(), u.columns())))
                    // Ignoring a table ignores the foreign keys pointing into it: they belong to what is ignored.
                    .withForeignKeys(keep(
                            t.foreignKeys(),
                            f -> !ig.ignores(ObjectKind.FK, tn, f.name(), f.columns())
                                    && !ig.ignores(
                                            ObjectKind.TABLE, f.referencedTable(), f.referencedTable(), List.of())))
                    .withChecks(keep(
                            t.checks(), c -> !ig.ignores(ObjectKind.CHECK, tn, c.name(), mentioned(t, c.expression()))))
                    .withTriggers(List.of());
            if (!options.compareComments()) {
                x = x.withComment(Optional.empty())
                        .withColumns(x.columns().stream()
                                .map(c -> c.withComment(Optional.empty()))
                                .toList());
            }
            tables.add(x);
        }
        List<Sequence> seqs = keep(s.sequences(), q -> !ig.ignores(ObjectKind.SEQUENCE, q.name(), q.name(), List.of()));
        return new Schema(tables, seqs).sorted();
    }

    /** The table's columns a check expression mentions, in table order (how rules name checks by columns). */
    static List<String> mentioned(Table t, String expression) {
        String e = expression.toLowerCase(java.util.Locale.ROOT);
        return t.columns().stream()
                .map(Column::name)
                .filter(n -> java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$])"
                                + java.util.regex.Pattern.quote(n.toLowerCase(java.util.Locale.ROOT))
                                + "(?![A-Za-z0-9_$])")
                        .matcher(e)
                        .find())
                .toList();
    }

    private static <T> List<T> keep(List<T> items, Predicate<T> p) {
        return items.stream().filter(p).toList();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> m = new TreeMap<>();
        items.forEach(i -> m.put(name.apply(i), i));
        return m;
    }
}
