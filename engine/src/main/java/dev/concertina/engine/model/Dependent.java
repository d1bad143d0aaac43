package dev.concertina.engine.model;

import java.util.Objects;

/**
 * An object that depends on a table and goes (or breaks) with it: a view that reads it, a trigger on it.
 *
 * @param kind {@code view} or {@code trigger}
 */
public record Dependent(String kind, String name) implements Comparable<Dependent> {

    public Dependent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(Dependent o) {
        int k = kind.compareTo(o.kind);
        return k != 0 ? k : name.compareTo(o.name);
    }

    /** {@code view "author_names"}. */
    @Override
    public String toString() {
        return kind + " \"" + name + "\"";
    }
}
