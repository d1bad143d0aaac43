package dev.concertina.engine.model;

import java.util.Objects;

/** A CHECK constraint; {@code expression} is in the engine's normalised form; {@code name} empty when system-generated. */
public record CheckConstraint(String name, String expression, Origin origin) {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(origin, "origin");
    }
}
