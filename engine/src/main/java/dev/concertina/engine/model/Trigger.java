package dev.concertina.engine.model;

import java.util.Objects;

/**
 * A user trigger found on the live side (entity models have none). Informational: the differ
 * does not compare triggers, and Concertina's own triggers never appear here.
 */
public record Trigger(String name, String timing, String event) {
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(event, "event");
    }
}
