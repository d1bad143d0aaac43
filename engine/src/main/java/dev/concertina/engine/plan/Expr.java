package dev.concertina.engine.plan;

import dev.concertina.engine.model.ColumnType;
import java.util.Objects;

/**
 * An expression a runtime step evaluates per row: the value of a column, a cast, or SQL text from
 * a hint. Structured so that codegen and the runtime render names quoted per dialect; only
 * {@link Sql} is passed through as written (it came from the user).
 */
public sealed interface Expr {

    /** Text for people and plan output (not SQL). */
    String describe();

    /** The value of a column of the same row. */
    record ColumnRef(String column) implements Expr {
        public ColumnRef { Objects.requireNonNull(column, "column"); }
        public String describe() { return '"' + column + '"'; }
    }

    /** {@code CAST(value AS type)} in the dialect's spelling of {@code type}. */
    record Cast(Expr value, ColumnType type) implements Expr {
        public Cast { Objects.requireNonNull(value, "value"); Objects.requireNonNull(type, "type"); }
        public String describe() { return "CAST(" + value.describe() + " AS " + type.describe() + ")"; }
    }

    /** A user-given SQL expression, evaluated as written in the context of one row. */
    record Sql(String text) implements Expr {
        public Sql {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty SQL expression");
            }
        }
        public String describe() { return text; }
    }
}
