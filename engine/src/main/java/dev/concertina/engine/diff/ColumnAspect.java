package dev.concertina.engine.diff;

import dev.concertina.engine.model.Column;

/** What about a column changed, in the order the planner considers them. */
public enum ColumnAspect {
    TYPE,
    NULLABLE,
    DEFAULT,
    IDENTITY,
    COMMENT;

    /** True when {@code a} and {@code b} differ in this aspect. */
    public boolean differs(Column a, Column b) {
        switch (this) {
            case TYPE:
                return !a.type().sameAs(b.type());
            case NULLABLE:
                return a.nullable() != b.nullable();
            case DEFAULT:
                return !a.defaultValue().equals(b.defaultValue());
            case IDENTITY:
                return a.identity() != b.identity();
            default:
                return !a.comment().equals(b.comment());
        }
    }

    /** {@code target} with this aspect taken from {@code source}. */
    public Column copy(Column source, Column target) {
        switch (this) {
            case TYPE:
                return target.withType(source.type());
            case NULLABLE:
                return target.withNullable(source.nullable());
            case DEFAULT:
                return target.withDefault(source.defaultValue());
            case IDENTITY:
                return target.withIdentity(source.identity());
            default:
                return target.withComment(source.comment());
        }
    }

    /** {@code type VARCHAR(50) -> VARCHAR(200)}. */
    String describe(Column from, Column to) {
        switch (this) {
            case TYPE:
                return "type " + from.type() + " -> " + to.type();
            case NULLABLE:
                return (from.nullable() ? "NULL" : "NOT NULL") + " -> " + (to.nullable() ? "NULL" : "NOT NULL");
            case DEFAULT:
                return "default " + from.defaultValue().orElse("none") + " -> "
                        + to.defaultValue().orElse("none");
            case IDENTITY:
                return "identity " + from.identity() + " -> " + to.identity();
            default:
                return "comment " + Change.text(from.comment()) + " -> " + Change.text(to.comment());
        }
    }
}
