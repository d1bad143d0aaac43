package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A (non-constraint) index over {@code columns} in key order. Indexes that only back a primary
 * key, a unique constraint or (on MariaDB/H2) a foreign key are not listed: the readers drop them.
 */
public record Index(String name, List<String> columns, boolean unique, Origin origin, IndexDetails details) {

    public Index(String name, List<String> columns, boolean unique, Origin origin) {
        this(name, columns, unique, origin, IndexDetails.PLAIN);
    }

    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(details, "details");
    }

    public Index withDetails(IndexDetails d) {
        return new Index(name, columns, unique, origin, d);
    }

    /**
     * {@code (title, seq DESC)}, {@code (lower(owner)) where (active)}, {@code using gin (doc)}:
     * the key as one text, for messages and listings.
     */
    public String describeKey() {
        StringBuilder s = new StringBuilder();
        if (!details.method().isEmpty())
            s.append("using ").append(details.method()).append(' ');
        s.append('(');
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(details.expressions().contains(i) ? "(" + columns.get(i) + ")" : columns.get(i));
            if (!details.orderOf(i).isEmpty()) s.append(' ').append(details.orderOf(i));
        }
        s.append(')');
        if (!details.include().isEmpty())
            s.append(" include (").append(String.join(", ", details.include())).append(')');
        details.predicate().ifPresent(p -> s.append(" where ").append(p));
        return s.toString();
    }
}
