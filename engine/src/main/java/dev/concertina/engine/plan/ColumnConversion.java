package dev.concertina.engine.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * A conversion between old and new values of a column.
 *
 * @param up          new value from the old row (refers to the old column)
 * @param down        old value from the new row (refers to the new column); empty when the way
 *                    back loses information, so there is no safe two-way mapping
 * @param upMayFail   the up conversion fails for some old values (existing rows must be checked)
 * @param downMayFail the down conversion fails for some new values (such writes are rejected)
 * @param source      where it came from: {@code identity}, {@code default cast}, or {@code hint}
 */
public record ColumnConversion(Expr up, Optional<Expr> down, boolean upMayFail, boolean downMayFail, String source) {
    public ColumnConversion {
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(source, "source");
    }

    /** True when values can travel both ways (sync triggers possible). */
    public boolean twoWay() {
        return down.isPresent();
    }
}
