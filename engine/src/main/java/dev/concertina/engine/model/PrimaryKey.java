package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/** A primary key; {@code name} is empty when system-generated (see package docs). */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
