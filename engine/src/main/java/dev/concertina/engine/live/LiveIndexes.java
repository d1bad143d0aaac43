package dev.concertina.engine.live;

import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.normalize.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The INDEXES rows of one table (one row per key, in the dialect's shape) as model indexes: key
 * columns or expressions in key order with their order, INCLUDE columns, a partial index's
 * predicate and the access method. Indexes the database made for a foreign key itself are left
 * out ({@link LiveDialect#isForeignKeyIndex}).
 */
final class LiveIndexes {

    private LiveIndexes() {}

    static List<Index> read(
            String table,
            List<Map<String, String>> rows,
            List<ForeignKey> foreignKeys,
            LiveDialect live,
            Normalizer n,
            List<String> tableColumns) {
        List<Index> out = new ArrayList<>();
        for (List<Map<String, String>> ix : CatalogRows.by(rows, "INDEX_NAME").values()) {
            String name = ix.get(0).get("INDEX_NAME");
            if (name == null) continue;
            List<Map<String, String>> sorted = new ArrayList<>(ix);
            sorted.sort(Comparator.comparingInt(r -> CatalogRows.integer(r, "ORDINAL_POSITION", 0)));
            List<String> keys = new ArrayList<>();
            List<String> order = new ArrayList<>();
            Set<Integer> expressions = new HashSet<>();
            List<String> include = new ArrayList<>();
            for (Map<String, String> r : sorted) {
                boolean key = !"0".equals(r.get("CC_KEY"));
                String column = r.get("COLUMN_NAME");
                if (!key) {
                    if (column != null) include.add(column);
                    continue;
                }
                if (column == null) {
                    expressions.add(keys.size());
                    column = n.expression(String.valueOf(r.get("CC_EXPRESSION")));
                }
                keys.add(column);
                order.add(live.keyOrder(r));
            }
            Map<String, String> head = sorted.get(0);
            boolean unique = !CatalogRows.bool(head, "NON_UNIQUE");
            IndexDetails details = new IndexDetails(
                    order,
                    expressions,
                    Optional.ofNullable(head.get("CC_PREDICATE")).map(n::expression),
                    live.indexMethod(head),
                    include);
            if (!unique
                    && details.isPlain()
                    && foreignKeys.stream()
                            .anyMatch(fk -> live.isForeignKeyIndex(name, keys, fk.name(), fk.columns()))) {
                continue;
            }
            out.add(new Index(
                    live.userName(LiveDialect.Kind.INDEX, table, keys, name, tableColumns),
                    keys,
                    unique,
                    Origin.DATABASE,
                    details));
        }
        return out;
    }
}
