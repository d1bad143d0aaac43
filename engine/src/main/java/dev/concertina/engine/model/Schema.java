package dev.concertina.engine.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A schema: tables and sequences, each list sorted by name. */
public record Schema(List<Table> tables, List<Sequence> sequences) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The same schema in canonical order: tables and sequences by name; each table's uniques,
     * indexes, foreign keys and checks by column list then name. Column order is kept.
     */
    public Schema sorted() {
        Comparator<List<String>> byColumns = Comparator.comparing(l -> String.join("\u0000", l));
        List<Table> ts = tables.stream()
                .map(t -> t
                        .withUniques(t.uniques().stream().sorted(Comparator.comparing(UniqueConstraint::columns, byColumns).thenComparing(UniqueConstraint::name)).toList())
                        .withIndexes(t.indexes().stream().sorted(Comparator.comparing(Index::columns, byColumns).thenComparing(Index::name)).toList())
                        .withForeignKeys(t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::columns, byColumns).thenComparing(ForeignKey::name)).toList())
                        .withChecks(t.checks().stream().sorted(Comparator.comparing(CheckConstraint::expression).thenComparing(CheckConstraint::name)).toList())
                        .withTriggers(t.triggers().stream().sorted(Comparator.comparing(Trigger::name)).toList()))
                .sorted(Comparator.comparing(Table::name))
                .toList();
        List<Sequence> ss = sequences.stream().sorted(Comparator.comparing(Sequence::name)).toList();
        return new Schema(ts, ss);
    }
}
