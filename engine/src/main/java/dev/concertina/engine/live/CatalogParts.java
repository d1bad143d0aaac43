package dev.concertina.engine.live;

import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Origin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemacrawler.schema.ForeignKeyUpdateRule;
import schemacrawler.schemacrawler.InformationSchemaKey;

/**
 * Everything the live reader takes from the catalog, each query's rows grouped by table name: the
 * rows of the dialect's TABLES, TABLE_COLUMNS, PRIMARY_KEYS, INDEXES, TABLE_CONSTRAINTS
 * (+ CONSTRAINT_COLUMN_USAGE, CHECK_CONSTRAINTS), FOREIGN_KEYS, TRIGGERS and SEQUENCES queries
 * ({@link LiveDialect#rows}, in the shapes of the JDBC metadata calls they replace), plus
 * DEPENDENTS (views reading a table) and NOT_COMPARED (what the model cannot hold).
 */
record CatalogParts(
        List<Map<String, String>> tables,
        Map<String, List<Map<String, String>>> columns,
        Map<String, List<Map<String, String>>> primaryKeys,
        Map<String, List<Map<String, String>>> indexes,
        Map<String, List<Map<String, String>>> constraints,
        Map<String, List<Map<String, String>>> constraintColumns,
        Map<String, String> checkClauses,
        Map<String, List<ForeignKey>> foreignKeys,
        Map<String, List<Map<String, String>>> triggers,
        List<Map<String, String>> sequences,
        List<Map<String, String>> dependents,
        List<Map<String, String>> notCompared) {

    static CatalogParts read(Connection c, LiveDialect live) throws SQLException {
        Map<String, String> checks = new HashMap<>();
        for (Map<String, String> r : live.rows(c, InformationSchemaKey.CHECK_CONSTRAINTS)) {
            checks.put(r.get("CONSTRAINT_NAME"), r.get("CHECK_CLAUSE"));
        }
        return new CatalogParts(
                live.rows(c, InformationSchemaKey.TABLES),
                CatalogRows.by(live.rows(c, InformationSchemaKey.TABLE_COLUMNS), "TABLE_NAME"),
                CatalogRows.by(live.rows(c, InformationSchemaKey.PRIMARY_KEYS), "TABLE_NAME"),
                CatalogRows.by(live.rows(c, InformationSchemaKey.INDEXES), "TABLE_NAME"),
                CatalogRows.by(live.rows(c, InformationSchemaKey.TABLE_CONSTRAINTS), "TABLE_NAME"),
                CatalogRows.by(live.rows(c, InformationSchemaKey.CONSTRAINT_COLUMN_USAGE), "CONSTRAINT_NAME"),
                checks,
                foreignKeys(live.rows(c, InformationSchemaKey.FOREIGN_KEYS), live),
                CatalogRows.by(live.rows(c, InformationSchemaKey.TRIGGERS), "EVENT_OBJECT_TABLE"),
                live.hasSequencesView() ? live.rows(c, InformationSchemaKey.SEQUENCES) : List.of(),
                live.rows(c, "DEPENDENTS"),
                live.rows(c, "NOT_COMPARED"));
    }

    /** Foreign keys by table from FOREIGN_KEYS rows (JDBC getImportedKeys() shape): one row per column pair. */
    private static Map<String, List<ForeignKey>> foreignKeys(List<Map<String, String>> rows, LiveDialect live) {
        record Pair(int seq, String column, String refColumn) {}
        record Key(String table, String name) {}
        Map<Key, List<Pair>> pairs = new LinkedHashMap<>();
        Map<Key, Map<String, String>> heads = new HashMap<>();
        for (Map<String, String> r : rows) {
            Key k = new Key(r.get("FKTABLE_NAME"), r.get("FK_NAME"));
            pairs.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new Pair(
                            CatalogRows.integer(r, "KEY_SEQ", 0), r.get("FKCOLUMN_NAME"), r.get("PKCOLUMN_NAME")));
            heads.putIfAbsent(k, r);
        }
        Map<String, List<ForeignKey>> byTable = new HashMap<>();
        pairs.forEach((k, ps) -> {
            ps.sort(Comparator.comparingInt(Pair::seq));
            Map<String, String> h = heads.get(k);
            byTable.computeIfAbsent(k.table(), x -> new ArrayList<>())
                    .add(new ForeignKey(
                            k.name(),
                            ps.stream().map(Pair::column).toList(),
                            h.get("PKTABLE_NAME"),
                            ps.stream().map(Pair::refColumn).toList(),
                            live.action(rule(h.get("DELETE_RULE"))),
                            live.action(rule(h.get("UPDATE_RULE"))),
                            Origin.DATABASE,
                            deferrable(CatalogRows.integer(h, "DEFERRABILITY", 7))));
        });
        return byTable;
    }

    /** A JDBC deferrability code (DatabaseMetaData.importedKeyInitiallyDeferred …) as the model keeps it. */
    static String deferrable(int code) {
        switch (code) {
            case 5:
                return "DEFERRABLE INITIALLY DEFERRED";
            case 6:
                return "DEFERRABLE";
            default:
                return "";
        }
    }

    /** A JDBC rule code (DatabaseMetaData.importedKeyCascade …) as SchemaCrawler's enum. */
    private static ForeignKeyUpdateRule rule(String code) {
        switch (code == null ? "" : code.trim()) {
            case "0":
                return ForeignKeyUpdateRule.cascade;
            case "1":
                return ForeignKeyUpdateRule.restrict;
            case "2":
                return ForeignKeyUpdateRule.setNull;
            case "4":
                return ForeignKeyUpdateRule.setDefault;
            default:
                return ForeignKeyUpdateRule.noAction;
        }
    }
}
