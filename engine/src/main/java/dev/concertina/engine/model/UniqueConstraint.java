package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/** A UNIQUE constraint over {@code columns} in order; {@code name} empty when system-generated. */
public record UniqueConstraint(String name, List<String> columns, Origin origin) {
    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(origin, "origin");
    }
}
