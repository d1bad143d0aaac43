package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an index has beyond its key columns and uniqueness; compared by the differ.
 *
 * @param order       per key, in key order: {@code ""} (ascending, the database's default null
 *                    order), {@code DESC}, or either followed by {@code NULLS FIRST} /
 *                    {@code NULLS LAST} where that is not the default; empty when every key is plain
 * @param expressions the (0-based) positions of keys that are expressions: their entry in
 *                    {@link Index#columns()} is the expression's canonical text ({@code lower(owner)})
 * @param predicate   a partial index's WHERE expression, canonical; empty otherwise
 * @param method      the access method when not the database's default B-tree, lower case
 *                    ({@code gin}, {@code gist}, {@code brin}, {@code hash}, {@code spgist}; MariaDB
 *                    {@code fulltext}, {@code spatial}); empty for B-tree
 * @param include     PostgreSQL {@code INCLUDE} columns, in order; empty otherwise
 */
public record IndexDetails(
        List<String> order, Set<Integer> expressions, Optional<String> predicate, String method, List<String> include) {

    /** A plain B-tree index over columns in ascending order. */
    public static final IndexDetails PLAIN = new IndexDetails(List.of(), Set.of(), Optional.empty(), "", List.of());

    public IndexDetails {
        order = order.stream().allMatch(String::isEmpty) ? List.of() : List.copyOf(order);
        expressions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(expressions));
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(method, "method");
        include = List.copyOf(include);
    }

    /** The order of key {@code i}: {@code ""} for ascending with the default null order. */
    public String orderOf(int i) {
        return i < order.size() ? order.get(i) : "";
    }

    /**
     * True when these (current) details are what {@code desired} asks for: key order, expressions,
     * predicate, method and INCLUDE. The entity reader states the order of every {@code @Index}
     * ({@code columnList = "a desc, b"}) and codegen creates it, so an index whose order differs is
     * a changed index; an index the entities do not map at all is kept by the differ's own rules.
     */
    public boolean matches(IndexDetails desired) {
        return order.equals(desired.order)
                && expressions.equals(desired.expressions)
                && predicate.equals(desired.predicate)
                && method.equals(desired.method)
                && include.equals(desired.include);
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }

    /** What the model keeps that entities cannot write today: a partial, expression or non-B-tree index, or INCLUDE. */
    public boolean beyondEntities() {
        return predicate.isPresent() || !expressions.isEmpty() || !method.isEmpty() || !include.isEmpty();
    }
}
