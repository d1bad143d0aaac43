package dev.concertina.engine.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a model element came from, for messages: an entity class and attribute, or the database.
 * Not part of what the differ compares.
 *
 * @param source    the entity class name, or {@code "database"} for the live reader
 * @param attribute the entity attribute (field or property path), empty when the element belongs to
 *                  the class as a whole or comes from the database
 * @param declared  the mapping attributes the entity writes for this element (only the entity
 *                  reader sets them); they say what was written at this place, not which place it
 *                  is, so {@link #equals} compares source and attribute only
 */
public record Origin(String source, String attribute, Set<DeclaredAttribute> declared) {

    /** Elements read from a live database. */
    public static final Origin DATABASE = new Origin("database", "");

    /** Elements made in code (tests, hand-built schemas). */
    public static final Origin UNKNOWN = new Origin("", "");

    public Origin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(attribute, "attribute");
        declared = declared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(declared));
    }

    public Origin(String source, String attribute) {
        this(source, attribute, Set.of());
    }

    public static Origin entity(String className) {
        return new Origin(className, "");
    }

    public static Origin attribute(String className, String attribute) {
        return new Origin(className, attribute);
    }

    /** The same place, with what the entity writes there. */
    public Origin withDeclared(Set<DeclaredAttribute> attributes) {
        return new Origin(source, attribute, attributes);
    }

    /**
     * True when the element comes from an entity class, so {@link #declared} is known; elements
     * from the database or made in code ({@link #UNKNOWN}) are not.
     */
    public boolean fromEntity() {
        return !source.isEmpty() && !source.equals(DATABASE.source);
    }

    /** True when the entity writes {@code attribute} for this element. */
    public boolean declares(DeclaredAttribute what) {
        return declared.contains(what);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Origin o && source.equals(o.source) && attribute.equals(o.attribute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, attribute);
    }

    /** {@code com.acme.Person#fullName}, {@code com.acme.Person}, or {@code database}. */
    @Override
    public String toString() {
        return attribute.isEmpty() ? source : source + "#" + attribute;
    }
}
