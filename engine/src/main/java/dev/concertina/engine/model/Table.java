package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A table and everything that belongs to it. */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey,
                    List<UniqueConstraint> uniques, List<Index> indexes, List<ForeignKey> foreignKeys,
                    List<CheckConstraint> checks, Optional<String> comment, List<Trigger> triggers,
                    Origin origin) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey");
        uniques = List.copyOf(uniques);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        Objects.requireNonNull(comment, "comment");
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(origin, "origin");
    }

    /** A table with only columns (tests, hand-built schemas). */
    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, Optional.empty(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of(), Origin.UNKNOWN);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withColumns(List<Column> c) { return new Table(name, c, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin); }
    public Table withPrimaryKey(Optional<PrimaryKey> pk) { return new Table(name, columns, pk, uniques, indexes, foreignKeys, checks, comment, triggers, origin); }
    public Table withUniques(List<UniqueConstraint> u) { return new Table(name, columns, primaryKey, u, indexes, foreignKeys, checks, comment, triggers, origin); }
    public Table withIndexes(List<Index> i) { return new Table(name, columns, primaryKey, uniques, i, foreignKeys, checks, comment, triggers, origin); }
    public Table withForeignKeys(List<ForeignKey> f) { return new Table(name, columns, primaryKey, uniques, indexes, f, checks, comment, triggers, origin); }
    public Table withChecks(List<CheckConstraint> c) { return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, c, comment, triggers, origin); }
    public Table withComment(Optional<String> c) { return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, c, triggers, origin); }
    public Table withTriggers(List<Trigger> t) { return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, t, origin); }
    public Table withName(String n) { return new Table(n, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin); }
    public Table withOrigin(Origin o) { return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, o); }
}
