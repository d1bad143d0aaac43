package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.SortField;
import org.jooq.TableOptions;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jOOQ's own schema reader ({@code DSLContext.meta()}, JDBC metadata underneath) is an independent
 * witness: on the same database it must agree with the live reader on table names, column names,
 * primary key columns, foreign key column pairs and unique index columns.
 */
class JooqMetaWitnessTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void jooqMetaAgreesWithTheLiveReader(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Fixtures.load(db, "/live/" + kind.label() + ".sql");
            try (Connection c = db.connect()) {
                Schema live = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());
                DSLContext ctx = DSL.using(c, Fixtures.dialect(kind).jooq());
                Meta meta = ctx.meta().filterSchemas(s -> s.getName().equals(db.schema()));

                // MariaDB sequences are tables underneath and jOOQ lists them as tables; the sequences
                // themselves are checked against the hand-written model in LiveSchemaReaderTest.
                Set<String> sequences = new TreeSet<>();
                live.sequences().forEach(q -> sequences.add(q.name()));
                Map<String, org.jooq.Table<?>> jooqTables = new TreeMap<>();
                for (org.jooq.Table<?> t : meta.getTables()) {
                    if (t.getTableType() != TableOptions.TableType.TABLE || OwnObjects.isOwnTable(t.getName())
                            || sequences.contains(t.getName())) continue;
                    jooqTables.put(t.getName(), t);
                }
                assertEquals(live.tables().stream().map(Table::name).toList(), List.copyOf(jooqTables.keySet()), "table names");

                for (Table t : live.tables()) {
                    org.jooq.Table<?> j = jooqTables.get(t.name());
                    String where = "table " + t.name() + ": ";
                    assertEquals(new TreeSet<>(t.columns().stream().map(dev.concertina.engine.model.Column::name).toList()),
                            names(List.of(j.fields())), where + "column names");
                    assertEquals(t.primaryKey().map(pk -> pk.columns()).orElse(List.of()),
                            j.getPrimaryKey() == null ? List.of() : columns(j.getPrimaryKey().getFields()), where + "primary key");

                    Set<String> liveFks = new TreeSet<>();
                    for (ForeignKey fk : t.foreignKeys()) liveFks.add(pairs(fk.columns(), fk.referencedTable(), fk.referencedColumns()));
                    Set<String> jooqFks = new TreeSet<>();
                    for (org.jooq.ForeignKey<?, ?> fk : j.getReferences()) {
                        jooqFks.add(pairs(columns(fk.getFields()), fk.getKey().getTable().getName(), columns(fk.getKeyFields())));
                    }
                    assertEquals(liveFks, jooqFks, where + "foreign key column pairs");

                    // jOOQ's unique keys and unique indexes together are the live reader's primary key, unique
                    // constraints and unique indexes (jOOQ drops the indexes behind keys on some databases).
                    Set<List<String>> liveUnique = new TreeSet<>(JooqMetaWitnessTest::compare);
                    t.primaryKey().ifPresent(pk -> liveUnique.add(pk.columns()));
                    for (UniqueConstraint u : t.uniques()) liveUnique.add(u.columns());
                    for (Index i : t.indexes()) if (i.unique()) liveUnique.add(i.columns());
                    Set<List<String>> jooqUnique = new TreeSet<>(JooqMetaWitnessTest::compare);
                    for (org.jooq.UniqueKey<?> k : j.getKeys()) jooqUnique.add(columns(k.getFields()));
                    for (org.jooq.Index i : j.getIndexes()) {
                        if (!i.getUnique()) continue;
                        List<String> cols = new ArrayList<>();
                        for (SortField<?> f : i.getFields()) cols.add(f.getName());
                        jooqUnique.add(cols);
                    }
                    assertEquals(liveUnique, jooqUnique, where + "unique index columns");
                }
            }
        }
    }

    private static int compare(List<String> a, List<String> b) {
        return String.join(",", a).compareTo(String.join(",", b));
    }

    private static Set<String> names(List<? extends Field<?>> fields) {
        Set<String> s = new TreeSet<>();
        for (Field<?> f : fields) s.add(f.getName());
        return s;
    }

    private static List<String> columns(List<? extends org.jooq.TableField<?, ?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    private static String pairs(List<String> from, String table, List<String> to) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) p.add(from.get(i) + "->" + table + "." + to.get(i));
        return String.join(",", p);
    }

}
