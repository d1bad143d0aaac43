package dev.concertina.engine.plan;

import dev.concertina.rules.Hints;
import dev.concertina.rules.Name;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person told the planner that the schemas alone cannot say: which drop + add pairs are
 * renames, which are not, how to convert a column's values, and how to fill a new NOT NULL
 * column. They come from the command line ({@code --rename}, {@code --no-rename}), the hints
 * section of the rules file, and {@code @RenamedFrom} on entities; the CLI merges them into this.
 * Names are matched ignoring letter case (the database may have folded them).
 */
public record PlanHints(
        List<ColumnRename> columnRenames,
        List<TableRename> tableRenames,
        List<NoRename> noRenames,
        List<ConversionHint> conversions,
        List<BackfillHint> backfills) {

    public static final PlanHints NONE = new PlanHints(List.of(), List.of(), List.of(), List.of(), List.of());

    public PlanHints {
        columnRenames = List.copyOf(columnRenames);
        tableRenames = List.copyOf(tableRenames);
        noRenames = List.copyOf(noRenames);
        conversions = List.copyOf(conversions);
        backfills = List.copyOf(backfills);
    }

    /** Column {@code from} of {@code table} is now called {@code to}. */
    public record ColumnRename(String table, String from, String to) {
        public ColumnRename {
            requireName(table, "table");
            requireName(from, "from");
            requireName(to, "to");
        }

        /** {@code person.fullname=display_name}, the {@code --rename} form. */
        public String spec() {
            return table + "." + from + "=" + to;
        }
    }

    /** Table {@code from} is now called {@code to}. */
    public record TableRename(String from, String to) {
        public TableRename {
            requireName(from, "from");
            requireName(to, "to");
        }

        public String spec() {
            return from + "=" + to;
        }
    }

    /**
     * No rename from or to this column (or, with an empty {@code column}, this table): it really
     * is dropped, or really new.
     */
    public record NoRename(String table, String column) {
        public NoRename {
            requireName(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public String spec() {
            return column.isEmpty() ? table : table + "." + column;
        }
    }

    /**
     * How to convert the values of {@code table.column} (the column's name in the new model) when
     * its type changes: {@code up} computes the new value, with {@value #OLD} standing for the old
     * column; {@code down} the old value, with {@value #NEW} for the new column (the rules file's
     * {@code convert} hint). Without {@code down} the change has no two-way mapping, and the table
     * is guarded against writes between expand and contract.
     */
    public record ConversionHint(String table, String column, String up, Optional<String> down) {
        public ConversionHint {
            requireName(table, "table");
            requireName(column, "column");
            requireName(up, "up");
            Objects.requireNonNull(down, "down");
            if (!up.contains(OLD) || down.map(d -> !d.contains(NEW)).orElse(false)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "convert " + table + "." + column + ": up must use " + OLD + " and down must use " + NEW);
            }
        }
    }

    /** In a conversion's {@code up}: the old column. */
    public static final String OLD = "{old}";
    /** In a conversion's {@code down}: the new column. */
    public static final String NEW = "{new}";

    /**
     * The hints of the rules file and the command line ({@link Hints}, module {@code ignore-rules},
     * which has already parsed them and rejected conflicts) for the planner.
     */
    public static PlanHints from(Hints hints) {
        return new PlanHints(
                hints.columnRenames().stream()
                        .map(r -> new ColumnRename(r.table().text(), r.from().text(), r.to().text()))
                        .toList(),
                hints.tableRenames().stream()
                        .map(r -> new TableRename(r.from().text(), r.to().text()))
                        .toList(),
                hints.noRenames().stream()
                        .map(n -> new NoRename(
                                n.table().text(), n.column().map(Name::text).orElse("")))
                        .toList(),
                hints.conversions().stream()
                        .map(c ->
                                new ConversionHint(c.table().text(), c.column().text(), c.up(), c.down()))
                        .toList(),
                hints.backfills().stream()
                        .map(b -> new BackfillHint(b.table().text(), b.column().text(), b.expression()))
                        .toList());
    }

    /** How to fill {@code table.column} for existing rows (a new NOT NULL column without default). */
    public record BackfillHint(String table, String column, String expression) {
        public BackfillHint {
            requireName(table, "table");
            requireName(column, "column");
            requireName(expression, "expression");
        }
    }

    public PlanHints withColumnRename(String table, String from, String to) {
        return new PlanHints(
                plus(columnRenames, new ColumnRename(table, from, to)),
                tableRenames,
                noRenames,
                conversions,
                backfills);
    }

    public PlanHints withTableRename(String from, String to) {
        return new PlanHints(
                columnRenames, plus(tableRenames, new TableRename(from, to)), noRenames, conversions, backfills);
    }

    public PlanHints withNoRename(String table, String column) {
        return new PlanHints(
                columnRenames, tableRenames, plus(noRenames, new NoRename(table, column)), conversions, backfills);
    }

    public PlanHints withConversion(String table, String column, String up, Optional<String> down) {
        return new PlanHints(
                columnRenames,
                tableRenames,
                noRenames,
                plus(conversions, new ConversionHint(table, column, up, down)),
                backfills);
    }

    public PlanHints withBackfill(String table, String column, String expression) {
        return new PlanHints(
                columnRenames,
                tableRenames,
                noRenames,
                conversions,
                plus(backfills, new BackfillHint(table, column, expression)));
    }

    /** Both hint sets together (e.g. command line + rules file + annotations). */
    public PlanHints merge(PlanHints other) {
        return new PlanHints(
                concat(columnRenames, other.columnRenames),
                concat(tableRenames, other.tableRenames),
                concat(noRenames, other.noRenames),
                concat(conversions, other.conversions),
                concat(backfills, other.backfills));
    }

    Optional<ConversionHint> conversion(String table, String column) {
        return conversions.stream()
                .filter(c -> c.table().equalsIgnoreCase(table) && c.column().equalsIgnoreCase(column))
                .findFirst();
    }

    Optional<BackfillHint> backfill(String table, String column) {
        return backfills.stream()
                .filter(c -> c.table().equalsIgnoreCase(table) && c.column().equalsIgnoreCase(column))
                .findFirst();
    }

    boolean deniesColumn(String table, String column) {
        return noRenames.stream()
                .anyMatch(n -> n.table().equalsIgnoreCase(table) && n.column().equalsIgnoreCase(column));
    }

    boolean deniesTable(String table) {
        return noRenames.stream()
                .anyMatch(n -> n.table().equalsIgnoreCase(table) && n.column().isEmpty());
    }

    private static void requireName(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION, "hint: empty " + what);
        }
    }

    private static <T> List<T> plus(List<T> l, T item) {
        List<T> out = new ArrayList<>(l);
        out.add(item);
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
