package dev.concertina.engine.diff;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL enum type in the database against the entities' enum (docs/inspect-json.md,
 * "Values", {@code enum type}). PostgreSQL keeps labels in the order they were created and cannot reorder
 * or drop one in place, so the label order is never a difference; an entity that leaves the type
 * unstated (plain {@code @Enumerated(STRING)}) writes a set of values the type must hold, so only
 * labels it lacks are planned (added in place), and extra labels are kept.
 */
final class EnumTypeLabels {

    private static final String MODIFIER = "enum type ";

    /** How the entities' values meet the database's enum type. */
    enum Fit {
        /** The same labels, perhaps in another order: equivalent. */
        SAME,
        /** The type holds every value the entity writes, and more: kept. */
        WIDER,
        /** The entity writes values the type lacks: planned as labels added. */
        MISSING
    }

    private EnumTypeLabels() {}

    /** The database's enum type name when {@code database} is one, else empty. */
    static Optional<String> typeName(ColumnType database) {
        if (database.kind() != TypeKind.ENUM) {
            return Optional.empty();
        }
        return database.modifiers().stream()
                .filter(m -> m.startsWith(MODIFIER))
                .map(m -> m.substring(MODIFIER.length()))
                .findFirst();
    }

    /**
     * How {@code entity} (as compared: the database's unstated modifiers copied over) meets the
     * database's enum type {@code database}; empty when the database's column is no enum type, the
     * entity's is no enum, or the entity names another type. {@code stated}: the entity names the
     * type itself ({@code SqlTypes.NAMED_ENUM}), whose labels it then asserts exactly.
     */
    static Optional<Fit> fit(ColumnType database, ColumnType entity, boolean stated) {
        if (typeName(database).isEmpty()
                || entity.kind() != TypeKind.ENUM
                || !entity.modifiers().equals(database.modifiers())) {
            return Optional.empty();
        }
        Set<String> labels = Set.copyOf(database.enumValues());
        Set<String> values = Set.copyOf(entity.enumValues());
        if (labels.equals(values)) {
            return Optional.of(Fit.SAME);
        }
        if (labels.containsAll(values)) {
            return stated ? Optional.empty() : Optional.of(Fit.WIDER);
        }
        return stated ? Optional.empty() : Optional.of(Fit.MISSING);
    }

    /** {@code to} with the database's labels first and the entity's missing ones after: only additions. */
    static Column onlyAdditions(Column from, Column to) {
        LinkedHashSet<String> all = new LinkedHashSet<>(from.type().enumValues());
        all.addAll(to.type().enumValues());
        ColumnType t = to.type();
        return to.withType(new ColumnType(
                t.kind(),
                t.length(),
                t.precision(),
                t.scale(),
                List.copyOf(all),
                t.raw(),
                t.content(),
                t.mapped(),
                t.modifiers()));
    }
}
