package dev.concertina.engine.plan;

import dev.concertina.engine.model.ColumnType;
import java.util.Objects;
import java.util.Optional;

/**
 * An expression a runtime step evaluates per row: the value of a column, a cast, or SQL text from
 * a hint. Structured so that codegen and the runtime render names quoted per dialect; only
 * {@link Sql} is passed through as written (it came from the user).
 */
public sealed interface Expr {

    /** Text for people and plan output (not SQL). */
    String describe();

    /**
     * The one column this expression converts, when it converts one column of the row (a column
     * reference, a cast of one, a hint's template): what a sync trigger or a backfill reads. Empty
     * for free SQL ({@link Sql}), which may read any column.
     */
    default Optional<String> source() {
        if (this instanceof ColumnRef c) {
            return Optional.of(c.column());
        } else if (this instanceof Cast c) {
            return c.value().source();
        } else if (this instanceof Template t) {
            return Optional.of(t.column());
        }
        return Optional.empty();
    }

    /** The value of a column of the same row. */
    record ColumnRef(String column) implements Expr {
        public ColumnRef {
            Objects.requireNonNull(column, "column");
        }

        public String describe() {
            return '"' + column + '"';
        }
    }

    /** {@code CAST(value AS type)} in the dialect's spelling of {@code type}. */
    record Cast(Expr value, ColumnType type) implements Expr {
        public Cast {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }

        public String describe() {
            return "CAST(" + value.describe() + " AS " + type.describe() + ")";
        }
    }

    /**
     * A user-given conversion: SQL text in which {@code placeholder} ({@code {old}} in an up
     * expression, {@code {new}} in a down expression, as the rules file writes them) stands for the
     * quoted reference to {@code column} of the same row; the rest is used as written.
     */
    record Template(String text, String placeholder, String column) implements Expr {
        public Template {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(placeholder, "placeholder");
            Objects.requireNonNull(column, "column");
            if (!text.contains(placeholder)) {
                throw new IllegalArgumentException("conversion \"" + text + "\" does not use " + placeholder);
            }
        }
        /** The text with this template's placeholder written as {@code other} (the runtime's {@code Conversion.sql} uses {@code {}}). */
        public String withPlaceholder(String other) {
            return text.replace(placeholder, other);
        }
        /** The SQL with the placeholder replaced by {@code columnSql} (the dialect's quoted column reference). */
        public String render(String columnSql) {
            return text.replace(placeholder, columnSql);
        }

        public String describe() {
            return render('"' + column + '"');
        }
    }

    /** A user-given SQL expression, evaluated as written in the context of one row (it may name the row's columns). */
    record Sql(String text) implements Expr {
        public Sql {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty SQL expression");
            }
        }

        public String describe() {
            return text;
        }
    }
}
