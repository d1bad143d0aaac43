package dev.concertina.engine.diff;

import dev.concertina.engine.model.Column;

/**
 * What about a column changed, in the order the planner considers them. A collation and a
 * generated expression are compared only where the desired side states them (the current column's
 * are kept otherwise, {@link Column#statedOver}).
 */
public enum ColumnAspect {
    TYPE,
    COLLATION,
    GENERATED,
    NULLABLE,
    DEFAULT,
    IDENTITY,
    COMMENT;

    /** True when {@code a} and {@code b} differ in this aspect. */
    public boolean differs(Column a, Column b) {
        return switch (this) {
            case TYPE -> !a.type().sameAs(b.type());
            case COLLATION -> !a.details().collation().equals(b.details().collation());
            case GENERATED ->
                !a.details().generated().equals(b.details().generated())
                        || (b.details().generated().isPresent()
                                && a.details().stored() != b.details().stored());
            case NULLABLE -> a.nullable() != b.nullable();
            case DEFAULT -> !a.defaultValue().equals(b.defaultValue());
            case IDENTITY -> a.identity() != b.identity();
            case COMMENT -> !a.comment().equals(b.comment());
        };
    }

    /** {@code target} with this aspect taken from {@code source}. */
    public Column copy(Column source, Column target) {
        return switch (this) {
            case TYPE -> target.withType(source.type());
            case COLLATION ->
                target.withDetails(
                        target.details().withCollation(source.details().collation()));
            case GENERATED ->
                target.withDetails(target.details()
                        .withGenerated(
                                source.details().generated(), source.details().stored()));
            case NULLABLE -> target.withNullable(source.nullable());
            case DEFAULT -> target.withDefault(source.defaultValue());
            case IDENTITY -> target.withIdentity(source.identity());
            case COMMENT -> target.withComment(source.comment());
        };
    }

    /** {@code type VARCHAR(50) -> VARCHAR(200)}. */
    String describe(Column from, Column to) {
        return switch (this) {
            case TYPE -> "type " + from.type() + " -> " + to.type();
            case COLLATION ->
                "collation " + from.details().collation().orElse("default") + " -> "
                        + to.details().collation().orElse("default");
            case GENERATED -> "generated " + generated(from) + " -> " + generated(to);
            case NULLABLE -> (from.nullable() ? "NULL" : "NOT NULL") + " -> " + (to.nullable() ? "NULL" : "NOT NULL");
            case DEFAULT ->
                "default " + from.defaultValue().orElse("none") + " -> "
                        + to.defaultValue().orElse("none");
            case IDENTITY -> "identity " + from.identity() + " -> " + to.identity();
            case COMMENT -> "comment " + Change.text(from.comment()) + " -> " + Change.text(to.comment());
        };
    }

    private static String generated(Column c) {
        return c.details()
                .generated()
                .map(g -> "as (" + g + ")" + (c.details().stored() ? " stored" : " virtual"))
                .orElse("none");
    }
}
