package dev.concertina.rules;

import java.util.Objects;

/**
 * How to fill a new NOT NULL column (without a default) for the rows that already exist, written
 * {@code backfill person.status using "'active'"}. The expression is SQL of the target database,
 * evaluated per row: it may read the row's other columns by name ({@code "COALESCE(nickname, name)"}).
 * {@code table} and {@code column} are the names in the model.
 */
public record BackfillRule(Name table, Name column, String expression, Origin origin) {

    public BackfillRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(origin, "origin");
        if (expression.isBlank()) {
            throw new RulesException(origin, "an empty backfill expression", "the SQL value for existing rows");
        }
    }

    public boolean matches(String table, String column) {
        return this.table.matches(table) && this.column.matches(column);
    }

    boolean sameAs(BackfillRule other) {
        return table.overlaps(other.table) && column.overlaps(other.column) && expression.equals(other.expression);
    }

    @Override
    public String toString() {
        return "backfill " + table + "." + column + " using " + Name.quote(expression);
    }
}
