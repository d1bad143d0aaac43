package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A (non-constraint) index over {@code columns} in key order. Indexes that only back a primary
 * key, a unique constraint or (on MariaDB/H2) a foreign key are not listed: the readers drop them.
 */
public record Index(String name, List<String> columns, boolean unique, Origin origin) {
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(origin, "origin");
    }
}
