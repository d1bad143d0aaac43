package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ChangeOrder;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns drop + add pairs named by rename hints into {@link Change.RenameColumn} /
 * {@link Change.RenameTable}, and finds the pairs that look like renames but were neither
 * confirmed nor denied.
 *
 * <p>A column pair is a possible rename when both are in the same table and the types are of one
 * family (same type, widened or narrowed: {@link TypeChange} is not INCOMPATIBLE). A table pair is
 * a possible rename when the primary key column names are equal and at least half of the columns
 * of the larger table have a same-named column in the other.
 */
public final class Renames {

    /**
     * @param changes  the changes with confirmed renames in place of their drop + add pairs, in order
     * @param possible unconfirmed pairs that may be renames
     * @param warnings hints that matched nothing
     */
    public record Resolution(List<Change> changes, List<PossibleRename> possible, List<String> warnings) {
        public Resolution {
            changes = List.copyOf(changes);
            possible = List.copyOf(possible);
            warnings = List.copyOf(warnings);
        }
    }

    private Renames() {}

    public static Resolution resolve(List<Change> input, PlanHints hints) {
        List<Change> changes = new ArrayList<>(input);
        List<String> warnings = new ArrayList<>();

        for (PlanHints.TableRename h : hints.tableRenames()) {
            Optional<Change.DropTable> drop =
                    find(changes, Change.DropTable.class, d -> d.table().equalsIgnoreCase(h.from()));
            Optional<Change.AddTable> add =
                    find(changes, Change.AddTable.class, a -> a.table().equalsIgnoreCase(h.to()));
            if (drop.isPresent() && add.isPresent()) {
                changes.set(
                        changes.indexOf(drop.get()),
                        new Change.RenameTable(
                                drop.get().definition(), add.get().definition()));
                changes.remove(add.get());
            } else {
                warnings.add("rename hint " + h.spec() + " matches nothing: no dropped table \"" + h.from()
                        + "\" together with an added table \"" + h.to() + "\"");
            }
        }
        for (PlanHints.ColumnRename h : hints.columnRenames()) {
            Optional<Change.DropColumn> drop = find(
                    changes,
                    Change.DropColumn.class,
                    d -> d.table().equalsIgnoreCase(h.table()) && d.name().equalsIgnoreCase(h.from()));
            Optional<Change.AddColumn> add = find(
                    changes,
                    Change.AddColumn.class,
                    a -> a.table().equalsIgnoreCase(h.table()) && a.name().equalsIgnoreCase(h.to()));
            if (drop.isPresent() && add.isPresent()) {
                changes.set(
                        changes.indexOf(drop.get()),
                        new Change.RenameColumn(
                                drop.get().table(),
                                drop.get().column(),
                                add.get().column()));
                changes.remove(add.get());
            } else if (!insideRenamedTable(changes, h)) {
                warnings.add("rename hint " + h.spec() + " matches nothing: no dropped column \"" + h.table() + "\".\""
                        + h.from() + "\" together with an added column \"" + h.table() + "\".\"" + h.to() + "\"");
            }
        }

        List<PossibleRename> possible = new ArrayList<>();
        for (Change.DropTable d : of(changes, Change.DropTable.class)) {
            for (Change.AddTable a : of(changes, Change.AddTable.class)) {
                if (!hints.deniesTable(d.table())
                        && !hints.deniesTable(a.table())
                        && similarTables(d.definition(), a.definition())) {
                    possible.add(PossibleRename.table(d.table(), a.table()));
                }
            }
        }
        Map<String, List<Change.AddColumn>> addsByTable = new HashMap<>();
        of(changes, Change.AddColumn.class)
                .forEach(a -> addsByTable
                        .computeIfAbsent(a.table(), t -> new ArrayList<>())
                        .add(a));
        for (Change.DropColumn d : of(changes, Change.DropColumn.class)) {
            for (Change.AddColumn a : addsByTable.getOrDefault(d.table(), List.of())) {
                if (!hints.deniesColumn(d.table(), d.name())
                        && !hints.deniesColumn(a.table(), a.name())
                        && TypeChange.of(d.column().type(), a.column().type()) != TypeChange.INCOMPATIBLE) {
                    possible.add(PossibleRename.column(d.table(), d.name(), a.name()));
                }
            }
        }
        return new Resolution(ChangeOrder.sort(changes), possible, warnings);
    }

    /** A column rename within a renamed table: the planner maps it when it plans the table rename. */
    private static boolean insideRenamedTable(List<Change> changes, PlanHints.ColumnRename h) {
        return of(changes, Change.RenameTable.class).stream()
                .anyMatch(r -> r.to().name().equalsIgnoreCase(h.table())
                        && r.from().columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(h.from()))
                        && r.to().columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(h.to())));
    }

    static boolean similarTables(Table a, Table b) {
        Optional<List<String>> pa = a.primaryKey().map(PrimaryKey::columns);
        Optional<List<String>> pb = b.primaryKey().map(PrimaryKey::columns);
        if (!pa.equals(pb)) {
            return false;
        }
        Set<String> na = names(a.columns());
        Set<String> common = new HashSet<>(names(b.columns()));
        common.retainAll(na);
        int larger = Math.max(a.columns().size(), b.columns().size());
        return !common.isEmpty() && common.size() * 2 >= larger;
    }

    private static Set<String> names(List<Column> columns) {
        Set<String> s = new HashSet<>();
        columns.forEach(c -> s.add(c.name()));
        return s;
    }

    private static <T extends Change> Optional<T> find(
            List<Change> changes, Class<T> type, java.util.function.Predicate<T> p) {
        return of(changes, type).stream().filter(p).findFirst();
    }

    private static <T extends Change> List<T> of(List<Change> changes, Class<T> type) {
        return changes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
