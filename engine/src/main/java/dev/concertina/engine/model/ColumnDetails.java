package dev.concertina.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a column carries beyond type, nullability and default; each is compared by the differ only
 * when the desired side states it (the entity mapping cannot express most of these), so a live
 * column keeps what the model does not say (docs/inspect-json.md, "Columns").
 *
 * @param identityGeneration for an identity column: {@code ALWAYS} or {@code BY DEFAULT} where
 *                           the database tells them apart (PostgreSQL, H2); empty when unknown
 * @param generated          a generated (computed) column's expression, canonical; empty otherwise
 * @param stored             for a generated column: stored ({@code true}) or computed on read
 * @param collation          a collation stated on the column (PostgreSQL {@code COLLATE}; on
 *                           MariaDB one other than the table's default); empty otherwise
 * @param onUpdate           MariaDB/MySQL {@code ON UPDATE} expression ({@code current_timestamp});
 *                           empty otherwise
 */
public record ColumnDetails(
        Optional<String> identityGeneration,
        Optional<String> generated,
        boolean stored,
        Optional<String> collation,
        Optional<String> onUpdate) {

    /** Nothing beyond the basics. */
    public static final ColumnDetails NONE =
            new ColumnDetails(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty());

    public ColumnDetails {
        Objects.requireNonNull(identityGeneration, "identityGeneration");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(collation, "collation");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    public ColumnDetails withIdentityGeneration(Optional<String> g) {
        return new ColumnDetails(g, generated, stored, collation, onUpdate);
    }

    public ColumnDetails withGenerated(Optional<String> g, boolean s) {
        return new ColumnDetails(identityGeneration, g, s, collation, onUpdate);
    }

    public ColumnDetails withCollation(Optional<String> c) {
        return new ColumnDetails(identityGeneration, generated, stored, c, onUpdate);
    }

    public ColumnDetails withOnUpdate(Optional<String> o) {
        return new ColumnDetails(identityGeneration, generated, stored, collation, o);
    }

    /**
     * These details with what {@code desired} states taken from it and the rest kept from
     * {@code this} (the current column): what the differ compares.
     */
    public ColumnDetails statedOver(ColumnDetails desired) {
        return new ColumnDetails(
                desired.identityGeneration.or(() -> identityGeneration),
                desired.generated.isPresent() ? desired.generated : generated,
                desired.generated.isPresent() ? desired.stored : stored,
                desired.collation.or(() -> collation),
                desired.onUpdate.or(() -> onUpdate));
    }

    /** {@code generated always as (a + b) stored collate "C" on update current_timestamp}; empty for NONE. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        identityGeneration.ifPresent(g -> s.append(" generated ").append(g.toLowerCase(java.util.Locale.ROOT)));
        generated.ifPresent(
                g -> s.append(" generated always as (").append(g).append(')').append(stored ? " stored" : " virtual"));
        collation.ifPresent(c -> s.append(" collate ").append(c));
        onUpdate.ifPresent(o -> s.append(" on update ").append(o));
        return s.toString().trim();
    }
}
