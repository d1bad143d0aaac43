package dev.concertina.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * How to convert a column's values when its type changes incompatibly, in both directions, for the
 * sync triggers and the backfill (docs/expand.md). Written
 * {@code convert person.age up "CAST({old} AS INTEGER)" down "CAST({new} AS VARCHAR(10))"}.
 *
 * <p>{@code up} computes the new column from the old one and must use the placeholder {@value #OLD};
 * {@code down} computes the old column from the new one and must use {@value #NEW}. Each placeholder
 * stands for the (quoted) column reference the trigger or backfill supplies; the rest of the text is
 * SQL of the target database, used as written. {@code table} and {@code column} are the names in the
 * model (the new names when the column or table is renamed too).
 */
public record ConvertRule(Name table, Name column, String up, Optional<String> down, Origin origin) {

    /** In {@code up}: the old column's value. */
    public static final String OLD = "{old}";
    /** In {@code down}: the new column's value. */
    public static final String NEW = "{new}";

    public ConvertRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(origin, "origin");
        if (!up.contains(OLD) || up.contains(NEW)) {
            throw new RulesException(
                    origin, "up expression \"" + up + "\"", "an expression using " + OLD + " and not " + NEW);
        }
        if (down.isPresent() && (!down.get().contains(NEW) || down.get().contains(OLD))) {
            throw new RulesException(
                    origin, "down expression \"" + down.get() + "\"", "an expression using " + NEW + " and not " + OLD);
        }
    }

    public boolean matches(String table, String column) {
        return this.table.matches(table) && this.column.matches(column);
    }

    /** {@code up} with {@value #OLD} replaced by the given SQL (a quoted column reference). */
    public String renderUp(String oldColumnSql) {
        return up.replace(OLD, oldColumnSql);
    }

    /** {@code down} with {@value #NEW} replaced by the given SQL (a quoted column reference), if there is a down. */
    public Optional<String> renderDown(String newColumnSql) {
        return down.map(d -> d.replace(NEW, newColumnSql));
    }

    boolean sameAs(ConvertRule other) {
        return table.overlaps(other.table)
                && column.overlaps(other.column)
                && up.equals(other.up)
                && down.equals(other.down);
    }

    @Override
    public String toString() {
        return "convert " + table + "." + column + " up " + Name.quote(up)
                + down.map(d -> " down " + Name.quote(d)).orElse("");
    }
}
