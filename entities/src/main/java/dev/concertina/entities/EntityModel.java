package dev.concertina.entities;

import dev.concertina.engine.model.Schema;
import dev.concertina.rules.Hints;
import java.util.Objects;

/**
 * What the entities say: the schema they describe and the renames they confirm with
 * {@code @RenamedFrom} (column renames from fields and getters, table renames from entity
 * classes), as hints the planner merges with those of the rules file and the command line.
 */
public record EntityModel(Schema schema, Hints renames) {

    public EntityModel {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(renames, "renames");
    }
}
