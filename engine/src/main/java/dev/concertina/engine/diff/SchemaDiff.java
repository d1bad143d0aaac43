package dev.concertina.engine.diff;

import java.util.List;

/**
 * What {@link Differ#compare} finds: the changes to plan, in run order, and the differences kept
 * because the entities are silent about them or they are equivalent ({@link Kept}).
 */
public record SchemaDiff(List<Change> changes, List<Kept> kept) {
    public SchemaDiff {
        changes = List.copyOf(changes);
        kept = List.copyOf(kept);
    }
}
