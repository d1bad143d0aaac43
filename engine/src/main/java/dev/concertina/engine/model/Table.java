package dev.concertina.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table and everything that belongs to it.
 *
 * @param dependents views (and, on the live side, triggers) that depend on the table, so that a
 *                   drop or rename can name them; not compared
 */
public record Table(
        String name,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<UniqueConstraint> uniques,
        List<Index> indexes,
        List<ForeignKey> foreignKeys,
        List<CheckConstraint> checks,
        Optional<String> comment,
        List<Trigger> triggers,
        Origin origin,
        List<Dependent> dependents) {

    public Table(
            String name,
            List<Column> columns,
            Optional<PrimaryKey> primaryKey,
            List<UniqueConstraint> uniques,
            List<Index> indexes,
            List<ForeignKey> foreignKeys,
            List<CheckConstraint> checks,
            Optional<String> comment,
            List<Trigger> triggers,
            Origin origin) {
        this(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin, List.of());
    }

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
        dependents = dependents.stream().distinct().sorted().toList();
    }

    /** A table with only columns (tests, hand-built schemas). */
    public static Table of(String name, List<Column> columns) {
        return new Table(
                name,
                columns,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Origin.UNKNOWN);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Table withColumns(List<Column> c) {
        return new Table(
                name, c, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin, dependents);
    }

    public Table withPrimaryKey(Optional<PrimaryKey> pk) {
        return new Table(
                name, columns, pk, uniques, indexes, foreignKeys, checks, comment, triggers, origin, dependents);
    }

    public Table withUniques(List<UniqueConstraint> u) {
        return new Table(
                name, columns, primaryKey, u, indexes, foreignKeys, checks, comment, triggers, origin, dependents);
    }

    public Table withIndexes(List<Index> i) {
        return new Table(
                name, columns, primaryKey, uniques, i, foreignKeys, checks, comment, triggers, origin, dependents);
    }

    public Table withForeignKeys(List<ForeignKey> f) {
        return new Table(name, columns, primaryKey, uniques, indexes, f, checks, comment, triggers, origin, dependents);
    }

    public Table withChecks(List<CheckConstraint> c) {
        return new Table(
                name, columns, primaryKey, uniques, indexes, foreignKeys, c, comment, triggers, origin, dependents);
    }

    public Table withComment(Optional<String> c) {
        return new Table(
                name, columns, primaryKey, uniques, indexes, foreignKeys, checks, c, triggers, origin, dependents);
    }

    public Table withTriggers(List<Trigger> t) {
        return new Table(
                name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, t, origin, dependents);
    }

    public Table withName(String n) {
        return new Table(
                n, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin, dependents);
    }

    public Table withOrigin(Origin o) {
        return new Table(
                name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, o, dependents);
    }

    public Table withDependents(List<Dependent> d) {
        return new Table(
                name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, triggers, origin, d);
    }
}
