package dev.concertina.engine.model;

import java.util.Objects;

/** A database sequence. */
public record Sequence(String name, long start, long increment, Origin origin) {
    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }
}
