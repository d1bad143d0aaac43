package dev.concertina.entities;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fixture domains read once per dialect (booting Hibernate costs about a second). */
final class Models {

    private static final Map<Dialect, Schema> ALL = new ConcurrentHashMap<>();

    private Models() {}

    static Schema all(Dialect d) {
        return ALL.computeIfAbsent(d, k -> new EntitySchemaReader(TargetDatabase.of(k))
                .read(Fixtures.packages(Fixtures.LIBRARY, Fixtures.SHOP, Fixtures.HR)));
    }

    static Table table(Dialect d, String name) {
        Schema s = all(d);
        String stored = d.foldUnquoted(name);
        return s.table(stored).orElseThrow(() -> new AssertionError("no table " + stored + " in "
                + s.tables().stream().map(Table::name).toList()));
    }

    static Column column(Dialect d, String table, String column) {
        Table t = table(d, table);
        String stored = d.foldUnquoted(column);
        return t.column(stored).orElseThrow(() -> new AssertionError("no column " + stored + " in " + t.name() + " "
                + t.columns().stream().map(Column::name).toList()));
    }
}
