package dev.concertina.engine.plan;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import java.util.List;
import java.util.Objects;

/**
 * What every existing row must satisfy before a tightening step can run. The runtime renders a
 * query counting the rows that do <em>not</em> satisfy it, and fails with the step's message and
 * the count.
 */
public sealed interface RowCondition {

    String describe();

    /** {@code column IS NOT NULL}. */
    record NotNull(String column) implements RowCondition {
        public NotNull {
            Objects.requireNonNull(column, "column");
        }

        public String describe() {
            return '"' + column + "\" is not null";
        }
    }

    /** The value fits {@code type} unchanged (length, precision, range, enum values). */
    record FitsType(String column, ColumnType type) implements RowCondition {
        public FitsType {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
        }

        public String describe() {
            return '"' + column + "\" fits " + type.describe();
        }
    }

    /** No two rows share the same non-null values in {@code columns}. */
    record Unique(List<String> columns) implements RowCondition {
        public Unique {
            columns = List.copyOf(columns);
        }

        public String describe() {
            return "no duplicates in " + columns;
        }
    }

    /** The CHECK expression holds (or is unknown, as SQL treats NULL). */
    record Satisfies(String expression) implements RowCondition {
        public Satisfies {
            Objects.requireNonNull(expression, "expression");
        }

        public String describe() {
            return "(" + expression + ")";
        }
    }

    /** Every non-null key of the foreign key exists in the referenced table. */
    record ReferencesExist(ForeignKey foreignKey) implements RowCondition {
        public ReferencesExist {
            Objects.requireNonNull(foreignKey, "foreignKey");
        }

        public String describe() {
            return foreignKey.columns() + " exist in \"" + foreignKey.referencedTable() + "\""
                    + foreignKey.referencedColumns();
        }
    }

    /** {@code conversion} of the row evaluates without error (a cast that may fail, e.g. text to number). */
    record Converts(String column, Expr conversion) implements RowCondition {
        public Converts {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(conversion, "conversion");
        }

        public String describe() {
            return conversion.describe() + " succeeds";
        }
    }
}
