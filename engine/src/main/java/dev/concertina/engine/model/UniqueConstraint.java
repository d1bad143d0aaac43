package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint over {@code columns} in order; {@code name} empty when system-generated.
 *
 * @param deferrable {@code ""} (not deferrable), {@code DEFERRABLE} or {@code DEFERRABLE INITIALLY
 *                   DEFERRED} (PostgreSQL); compared only when the desired side states it
 */
public record UniqueConstraint(String name, List<String> columns, Origin origin, String deferrable) {

    public UniqueConstraint(String name, List<String> columns, Origin origin) {
        this(name, columns, origin, "");
    }

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(deferrable, "deferrable");
    }
}
