package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} to {@code referencedColumns} of {@code referencedTable} (same schema).
 *
 * @param deferrable {@code ""} (not deferrable), {@code DEFERRABLE} or {@code DEFERRABLE INITIALLY
 *                   DEFERRED} (PostgreSQL); compared only when the desired side states it
 */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate,
        Origin origin,
        String deferrable) {

    public ForeignKey(
            String name,
            List<String> columns,
            String referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            Origin origin) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, origin, "");
    }

    public ForeignKey {
        Objects.requireNonNull(deferrable, "deferrable");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(origin, "origin");
    }
}
