package dev.concertina.engine.model;

/**
 * Where a model element came from, for messages: an entity class and attribute, or the database.
 * Not part of what the differ compares.
 *
 * @param source    the entity class name, or {@code "database"} for the live reader
 * @param attribute the entity attribute (field or property path), empty when the element belongs to
 *                  the class as a whole or comes from the database
 */
public record Origin(String source, String attribute) {

    /** Elements read from a live database. */
    public static final Origin DATABASE = new Origin("database", "");

    /** Elements made in code (tests, hand-built schemas). */
    public static final Origin UNKNOWN = new Origin("", "");

    public static Origin entity(String className) {
        return new Origin(className, "");
    }

    public static Origin attribute(String className, String attribute) {
        return new Origin(className, attribute);
    }

    /** {@code com.acme.Person#fullName}, {@code com.acme.Person}, or {@code database}. */
    @Override
    public String toString() {
        return attribute.isEmpty() ? source : source + "#" + attribute;
    }
}
