package dev.concertina.engine.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema: tables and sequences, each list sorted by name.
 *
 * @param quotedNames the names (of tables, columns, constraints, indexes, sequences, as stored)
 *                    that the entities quote ({@code @Table(name = "\"group\"")}, or every name
 *                    under {@code hibernate.globally_quoted_identifiers}): Hibernate writes them
 *                    exactly as they are on every database instead of letting the database fold
 *                    them, so generated migrations must too. Only the entity reader knows this; a
 *                    live schema has none. It says how names are written, not what the schema
 *                    holds: the differ and {@link SchemaDifferences} never compare it.
 * @param spellings   unquoted names as the entities write them ({@code ADMIN_EVENT}, {@code firstName}),
 *                    by name as stored where the two differ: generated migrations write that spelling
 *                    and let each database fold it, as Hibernate's DDL does. A column name spelled
 *                    differently in two tables ({@code ID}, {@code id}) is keyed per table
 *                    ({@link #columnKey}). Only the entity reader knows it; never compared.
 * @param notes       what the reader found but the model cannot hold, one line each
 *                    ({@code not compared: exclusion constraint "no_overlap" on "booking"}), sorted;
 *                    shown by inspect, never compared
 */
public record Schema(
        List<Table> tables,
        List<Sequence> sequences,
        Set<String> quotedNames,
        Map<String, String> spellings,
        List<String> notes) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        quotedNames = Collections.unmodifiableSortedSet(new TreeSet<>(quotedNames));
        spellings = Collections.unmodifiableSortedMap(new TreeMap<>(spellings));
        notes = notes.stream().distinct().sorted().toList();
    }

    public Schema(
            List<Table> tables, List<Sequence> sequences, Set<String> quotedNames, Map<String, String> spellings) {
        this(tables, sequences, quotedNames, spellings, List.of());
    }

    /** A schema whose unquoted names are spelled as stored. */
    public Schema(List<Table> tables, List<Sequence> sequences, Set<String> quotedNames) {
        this(tables, sequences, quotedNames, Map.of());
    }

    /** A schema whose names are all unquoted (or not known to be quoted, as read from a database). */
    public Schema(List<Table> tables, List<Sequence> sequences) {
        this(tables, sequences, Set.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Schema withQuotedNames(Set<String> names) {
        return new Schema(tables, sequences, names, spellings, notes);
    }

    public Schema withNotes(List<String> n) {
        return new Schema(tables, sequences, quotedNames, spellings, n);
    }

    /** The {@link #spellings} key of a column whose spelling differs between tables. */
    public static String columnKey(String table, String column) {
        return table + '\u0000' + column;
    }

    public Schema withSpellings(Map<String, String> s) {
        return new Schema(tables, sequences, quotedNames, s, notes);
    }

    /**
     * The same schema in canonical order: tables and sequences by name; each table's uniques,
     * indexes, foreign keys and checks by column list then name. Column order is kept.
     */
    public Schema sorted() {
        Comparator<List<String>> byColumns = Comparator.comparing(l -> String.join("\u0000", l));
        List<Table> ts = tables.stream()
                .map(t -> t.withUniques(t.uniques().stream()
                                .sorted(Comparator.comparing(UniqueConstraint::columns, byColumns)
                                        .thenComparing(UniqueConstraint::name))
                                .toList())
                        .withIndexes(t.indexes().stream()
                                .sorted(Comparator.comparing(Index::columns, byColumns)
                                        .thenComparing(Index::name))
                                .toList())
                        .withForeignKeys(t.foreignKeys().stream()
                                .sorted(Comparator.comparing(ForeignKey::columns, byColumns)
                                        .thenComparing(ForeignKey::name))
                                .toList())
                        .withChecks(t.checks().stream()
                                .sorted(Comparator.comparing(CheckConstraint::expression)
                                        .thenComparing(CheckConstraint::name))
                                .toList())
                        .withTriggers(t.triggers().stream()
                                .sorted(Comparator.comparing(Trigger::name))
                                .toList()))
                .sorted(Comparator.comparing(Table::name))
                .toList();
        List<Sequence> ss =
                sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
        return new Schema(ts, ss, quotedNames, spellings, notes);
    }
}
