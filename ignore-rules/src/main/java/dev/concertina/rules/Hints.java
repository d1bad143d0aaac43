package dev.concertina.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What the differ cannot know by itself: confirmed and denied renames, value conversions for
 * incompatible type changes, and values for new NOT NULL columns in existing rows. They come from the {@code [hints]} section of the rules file and from
 * the command line ({@link #parseRenameArg}, {@link #parseNoRenameArg}); {@link #merge} joins them.
 *
 * <p>The constructor rejects conflicting hints, reporting the later one with the place of the
 * earlier: a column or table renamed twice, two renames to one new name, a chain (a → b, b → c), a
 * rename that is also denied, two conversions or backfills for one column, and exact duplicates.
 */
public record Hints(
        List<ColumnRename> columnRenames,
        List<TableRename> tableRenames,
        List<NoRename> noRenames,
        List<ConvertRule> conversions,
        List<BackfillRule> backfills) {

    private static final Hints EMPTY = new Hints(List.of(), List.of(), List.of(), List.of(), List.of());

    public Hints {
        columnRenames = List.copyOf(columnRenames);
        tableRenames = List.copyOf(tableRenames);
        noRenames = List.copyOf(noRenames);
        conversions = List.copyOf(conversions);
        backfills = List.copyOf(backfills);
        checkConflicts(columnRenames, tableRenames, noRenames, conversions);
        checkBackfills(backfills);
    }

    /** Hints without backfills. */
    public Hints(
            List<ColumnRename> columnRenames,
            List<TableRename> tableRenames,
            List<NoRename> noRenames,
            List<ConvertRule> conversions) {
        this(columnRenames, tableRenames, noRenames, conversions, List.of());
    }

    public static Hints empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return columnRenames.isEmpty()
                && tableRenames.isEmpty()
                && noRenames.isEmpty()
                && conversions.isEmpty()
                && backfills.isEmpty();
    }

    /**
     * All hints of {@code a}, then those of {@code b} (e.g. the rules file, then the command line).
     * A hint of {@code b} equal to one of {@code a} is dropped; a conflicting one is a
     * {@link RulesException} at the place of the {@code b} hint.
     */
    public static Hints merge(Hints a, Hints b) {
        return new Hints(
                concat(a.columnRenames, b.columnRenames, ColumnRename::sameAs),
                concat(a.tableRenames, b.tableRenames, TableRename::sameAs),
                concat(a.noRenames, b.noRenames, NoRename::sameAs),
                concat(a.conversions, b.conversions, ConvertRule::sameAs),
                concat(a.backfills, b.backfills, BackfillRule::sameAs));
    }

    /** {@code person.fullname=display_name}, the argument of {@code --rename}. */
    public static ColumnRename parseRenameArg(String arg) {
        return HintArgs.renameArg(arg);
    }

    /** {@code people=person}: a table rename given as {@code --rename people=person}. */
    public static TableRename parseTableRenameArg(String arg) {
        return HintArgs.tableRenameArg(arg);
    }

    /** {@code person.fullname} (a column) or {@code people} (a table), the argument of {@code --no-rename}. */
    public static NoRename parseNoRenameArg(String arg) {
        return HintArgs.noRenameArg(arg);
    }

    /**
     * The hints of a command line, in order: each {@code --rename} argument renames a column
     * ({@code person.fullname=display_name}) or, without a dot before {@code =}, a table
     * ({@code people=person}); each {@code --no-rename} argument denies one.
     */
    public static Hints fromArgs(List<String> renames, List<String> noRenames) {
        List<ColumnRename> columns = new ArrayList<>();
        List<TableRename> tables = new ArrayList<>();
        for (String arg : renames) {
            if (HintArgs.renamesColumn(arg)) {
                columns.add(parseRenameArg(arg));
            } else {
                tables.add(parseTableRenameArg(arg));
            }
        }
        return new Hints(
                columns, tables, noRenames.stream().map(Hints::parseNoRenameArg).toList(), List.of(), List.of());
    }

    /** The rename of this (old) column of this table, if one is confirmed. */
    public Optional<ColumnRename> columnRenameFrom(String table, String oldColumn) {
        return columnRenames.stream()
                .filter(r -> r.matchesOld(table, oldColumn))
                .findFirst();
    }

    /** The rename that gives this table its (new) column, if one is confirmed. */
    public Optional<ColumnRename> columnRenameTo(String table, String newColumn) {
        return columnRenames.stream()
                .filter(r -> r.matchesNew(table, newColumn))
                .findFirst();
    }

    public Optional<TableRename> tableRenameFrom(String oldTable) {
        return tableRenames.stream().filter(r -> r.from().matches(oldTable)).findFirst();
    }

    public Optional<TableRename> tableRenameTo(String newTable) {
        return tableRenames.stream().filter(r -> r.to().matches(newTable)).findFirst();
    }

    /** True when renaming from or to this column is denied. */
    public boolean deniesColumnRename(String table, String column) {
        return noRenames.stream().anyMatch(n -> n.matchesColumn(table, column));
    }

    /** True when renaming from or to this table is denied. */
    public boolean deniesTableRename(String table) {
        return noRenames.stream().anyMatch(n -> n.matchesTable(table));
    }

    public Optional<ConvertRule> conversion(String table, String column) {
        return conversions.stream().filter(c -> c.matches(table, column)).findFirst();
    }

    /** How to fill this new column in existing rows, if a backfill is given. */
    public Optional<BackfillRule> backfill(String table, String column) {
        return backfills.stream().filter(b -> b.matches(table, column)).findFirst();
    }

    private static void checkBackfills(List<BackfillRule> backfills) {
        for (int j = 0; j < backfills.size(); j++) {
            BackfillRule later = backfills.get(j);
            for (int i = 0; i < j; i++) {
                BackfillRule earlier = backfills.get(i);
                if (earlier.table().overlaps(later.table()) && earlier.column().overlaps(later.column())) {
                    String at = where(earlier.origin(), later.origin());
                    throw earlier.sameAs(later)
                            ? conflict(later.origin(), later + ", the same as " + at, "each hint once")
                            : conflict(
                                    later.origin(),
                                    "a second backfill for " + later.table() + "." + later.column()
                                            + " (the first is at " + at + ")",
                                    "one backfill per column");
                }
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b, BiPredicate<T, T> same) {
        List<T> all = new ArrayList<>(a);
        for (T hint : b) {
            if (a.stream().noneMatch(x -> same.test(x, hint))) {
                all.add(hint);
            }
        }
        return all;
    }

    /** A column or table rename as the conflict check sees it; {@code table} is null for a table. */
    private record Renamed(Name table, Name from, Name to, String old, Origin origin, String hint) {

        boolean sameScope(Renamed other) {
            return table == null || table.overlaps(other.table);
        }
    }

    /**
     * Two renames of the same table (or two table renames) conflict when they repeat each other,
     * rename one {@code unit} twice, give two the same new name, or chain.
     */
    private static void checkRenames(List<Renamed> renames, String unit) {
        for (int j = 0; j < renames.size(); j++) {
            Renamed later = renames.get(j);
            for (int i = 0; i < j; i++) {
                Renamed earlier = renames.get(i);
                if (!earlier.sameScope(later)) {
                    continue;
                }
                String at = where(earlier.origin(), later.origin());
                if (earlier.from().overlaps(later.from()) && earlier.to().overlaps(later.to())) {
                    throw conflict(later.origin(), later.hint() + ", the same as " + at, "each hint once");
                }
                if (earlier.from().overlaps(later.from())) {
                    throw conflict(
                            later.origin(),
                            later.hint() + ", but " + at + " renames " + earlier.old() + " to " + earlier.to(),
                            "one new name per " + unit);
                }
                if (earlier.to().overlaps(later.to())) {
                    throw conflict(
                            later.origin(),
                            later.hint() + ", but " + at + " already renames " + earlier.old() + " to " + earlier.to(),
                            "one old " + unit + " per new name");
                }
                if (earlier.to().overlaps(later.from()) || earlier.from().overlaps(later.to())) {
                    throw conflict(
                            later.origin(),
                            later.hint() + ", chained with " + earlier.hint() + " at " + at,
                            "each " + unit + " renamed once, straight from its old name to its new one");
                }
            }
        }
    }

    private static void checkConflicts(
            List<ColumnRename> columnRenames,
            List<TableRename> tableRenames,
            List<NoRename> noRenames,
            List<ConvertRule> conversions) {
        checkRenames(
                columnRenames.stream()
                        .map(r -> new Renamed(
                                r.table(), r.from(), r.to(), r.table() + "." + r.from(), r.origin(), r.toString()))
                        .toList(),
                "column");
        checkRenames(
                tableRenames.stream()
                        .map(r -> new Renamed(null, r.from(), r.to(), r.from().toString(), r.origin(), r.toString()))
                        .toList(),
                "table");
        for (int j = 0; j < noRenames.size(); j++) {
            NoRename later = noRenames.get(j);
            for (int i = 0; i < j; i++) {
                if (noRenames.get(i).sameAs(later)) {
                    throw conflict(
                            later.origin(),
                            later + ", the same as " + where(noRenames.get(i).origin(), later.origin()),
                            "each hint once");
                }
            }
            // A denial conflicts with a confirmation of the same object, whichever came first.
            for (ColumnRename rename : columnRenames) {
                boolean hit = later.column().isPresent()
                        && rename.table().overlaps(later.table())
                        && (rename.from().overlaps(later.column().get())
                                || rename.to().overlaps(later.column().get()));
                if (hit) {
                    throw denied(later, rename.origin(), rename.toString());
                }
            }
            for (TableRename rename : tableRenames) {
                boolean hit = later.column().isEmpty()
                        && (rename.from().overlaps(later.table()) || rename.to().overlaps(later.table()));
                if (hit) {
                    throw denied(later, rename.origin(), rename.toString());
                }
            }
        }
        for (int j = 0; j < conversions.size(); j++) {
            ConvertRule later = conversions.get(j);
            for (int i = 0; i < j; i++) {
                ConvertRule earlier = conversions.get(i);
                if (earlier.table().overlaps(later.table()) && earlier.column().overlaps(later.column())) {
                    String at = where(earlier.origin(), later.origin());
                    throw earlier.sameAs(later)
                            ? conflict(
                                    later.origin(),
                                    "convert " + later.table() + "." + later.column() + ", the same as " + at,
                                    "each hint once")
                            : conflict(
                                    later.origin(),
                                    "a second conversion for " + later.table() + "." + later.column()
                                            + " (the first is at " + at + ")",
                                    "one conversion per column");
                }
            }
        }
    }

    /** The later one of the pair is the one reported, so the message points at the line to fix. */
    private static RulesException denied(NoRename denial, Origin renameOrigin, String rename) {
        Origin later = laterOf(denial.origin(), renameOrigin);
        Origin earlier = later == denial.origin() ? renameOrigin : denial.origin();
        String other = later == denial.origin() ? rename : denial.toString();
        String self = later == denial.origin() ? denial.toString() : rename;
        return conflict(
                later,
                self + ", contradicting " + other + " at " + where(earlier, later),
                "either a rename or a no-rename for one object");
    }

    private static Origin laterOf(Origin a, Origin b) {
        if (!a.source().equals(b.source())) {
            // Different sources: the file comes first, the command line later; keep list order.
            return a.source().startsWith("--") ? a : b;
        }
        return a.line() > b.line() || a.line() == b.line() && a.column() >= b.column() ? a : b;
    }

    private static String where(Origin earlier, Origin later) {
        return earlier.source().equals(later.source()) && !earlier.source().startsWith("--")
                ? "line " + earlier.line()
                : earlier.toString();
    }

    private static RulesException conflict(Origin at, String found, String expected) {
        return new RulesException(at, found, expected);
    }
}
