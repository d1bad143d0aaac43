package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.expand.Conversion;
import java.util.Objects;

/** One pair of columns kept equal by a sync trigger: names in the database's own case. */
public record SyncSpec(String table, String oldColumn, String newColumn, Conversion up, Conversion down) {
    public SyncSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(oldColumn, "oldColumn");
        Objects.requireNonNull(newColumn, "newColumn");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
    }

    /** The way this pair is named in messages: {@code "item"."name" -> "title"}. */
    public String describe() {
        return "\"" + table + "\".\"" + oldColumn + "\" -> \"" + newColumn + "\"";
    }
}
