package dev.concertina.engine.live;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import schemacrawler.schemacrawler.InformationSchemaKey;

/**
 * H2 2.x. SchemaCrawler has no H2 plugin, so checks, sequences and triggers would come back
 * empty; the catalog SQL of this dialect reads them from H2's INFORMATION_SCHEMA for SchemaCrawler.
 *
 * <p><b>System names.</b> H2 names unnamed constraints {@code CONSTRAINT_<hex>}
 * ({@code CONSTRAINT_8}, {@code CONSTRAINT_8C}) and unnamed indexes {@code INDEX_<hex>}; those are
 * kept empty (a generated step looks them up when it runs). The indexes H2 creates for
 * primary keys, unique constraints and foreign keys are flagged {@code IS_GENERATED} and left out
 * in SQL.
 *
 * <p><b>No joins between INFORMATION_SCHEMA views.</b> H2 computes such a view on every access, so
 * a join of two grows with the product of their sizes (42 s for 500 tables, bench/scale). The
 * rows of TABLE_COLUMNS, PRIMARY_KEYS, INDEXES, CONSTRAINT_COLUMN_USAGE, CHECK_CONSTRAINTS and
 * FOREIGN_KEYS are therefore built here from single-view queries ({@code h2/parts/*.sql}) matched
 * in memory, in the shapes of the other dialects' queries.
 *
 * <p><b>Entering the schema.</b> {@code Connection.setSchema}, restored afterwards.
 */
final class H2Live extends LiveDialect {

    private static final Pattern SYSTEM = Pattern.compile("CONSTRAINT_[0-9A-F]+");
    /** The name H2 gives an index created without one ({@code create index on t (c)}). */
    private static final Pattern SYSTEM_INDEX = Pattern.compile("INDEX_[0-9A-F]+");

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    String folder() {
        return "h2";
    }

    @Override
    Restore enter(Connection connection, String schemaName) throws SQLException {
        String previous = connection.getSchema();
        connection.setSchema(schemaName);
        return () -> connection.setSchema(previous);
    }

    @Override
    List<Map<String, String>> rows(Connection c, InformationSchemaKey key) throws SQLException {
        switch (key) {
            case TABLE_COLUMNS:
                return columns(c);
            case PRIMARY_KEYS:
                return keyColumns(c, "PRIMARY KEY", "KEY_SEQ", false);
            case CONSTRAINT_COLUMN_USAGE:
                return keyColumns(c, "UNIQUE", "ORDINAL_POSITION", true);
            case CHECK_CONSTRAINTS:
                return checks(c);
            case INDEXES:
                return indexes(c);
            case FOREIGN_KEYS:
                return foreignKeys(c);
            default:
                return super.rows(c, key);
        }
    }

    private static List<Map<String, String>> part(Connection c, String name) throws SQLException {
        return CatalogRows.query(c, LiveSchemaReader.resource("h2/parts", name));
    }

    /** COLUMNS with TYPE_NAME: DATA_TYPE, or {@code ENUM('A','B')} with the values in order. */
    private static List<Map<String, String>> columns(Connection c) throws SQLException {
        Map<List<String>, List<Map<String, String>>> values = CatalogRows.group(
                part(c, "ENUM_VALUES"), r -> List.of(r.get("OBJECT_NAME"), String.valueOf(r.get("ENUM_IDENTIFIER"))));
        List<Map<String, String>> rows = part(c, "COLUMNS");
        for (Map<String, String> r : rows) {
            String type = r.get("DATA_TYPE");
            if ("ENUM".equals(type)) {
                List<Map<String, String>> vs = new ArrayList<>(values.getOrDefault(
                        List.of(r.get("TABLE_NAME"), String.valueOf(r.get("DTD_IDENTIFIER"))), List.of()));
                vs.sort(Comparator.comparingInt(v -> CatalogRows.integer(v, "VALUE_ORDINAL", 0)));
                type = vs.stream()
                        .map(v -> "'" + v.get("VALUE_NAME").replace("'", "''") + "'")
                        .collect(Collectors.joining(",", "ENUM(", ")"));
            }
            r.put("TYPE_NAME", type);
        }
        return rows;
    }

    /** Key columns of the constraints of one type: TABLE_NAME, COLUMN_NAME, the position and the name. */
    private static List<Map<String, String>> keyColumns(Connection c, String type, String position, boolean qualified)
            throws SQLException {
        Map<String, String> tableOf = new HashMap<>();
        for (Map<String, String> tc : part(c, "TABLE_CONSTRAINTS")) {
            if (type.equals(tc.get("CONSTRAINT_TYPE"))) tableOf.put(tc.get("CONSTRAINT_NAME"), tc.get("TABLE_NAME"));
        }
        String schema = c.getSchema();
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> k : part(c, "KEY_COLUMN_USAGE")) {
            if (!schema.equals(k.get("CONSTRAINT_SCHEMA")) || !tableOf.containsKey(k.get("CONSTRAINT_NAME"))) continue;
            Map<String, String> r = new HashMap<>();
            r.put("TABLE_NAME", k.get("TABLE_NAME"));
            r.put("COLUMN_NAME", k.get("COLUMN_NAME"));
            r.put(position, k.get("ORDINAL_POSITION"));
            // Unique constraints are looked up as "<table>/<name>" (TABLE_CONSTRAINTS.sql), primary keys by table.
            r.put(
                    qualified ? "CONSTRAINT_NAME" : "PK_NAME",
                    qualified ? k.get("TABLE_NAME") + "/" + k.get("CONSTRAINT_NAME") : k.get("CONSTRAINT_NAME"));
            out.add(r);
        }
        return out;
    }

    private static List<Map<String, String>> checks(Connection c) throws SQLException {
        Map<String, String> clause = new HashMap<>();
        for (Map<String, String> cc : part(c, "CHECK_CONSTRAINTS"))
            clause.put(cc.get("CONSTRAINT_NAME"), cc.get("CHECK_CLAUSE"));
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> tc : part(c, "TABLE_CONSTRAINTS")) {
            if (!"CHECK".equals(tc.get("CONSTRAINT_TYPE")) || !clause.containsKey(tc.get("CONSTRAINT_NAME"))) continue;
            Map<String, String> r = new HashMap<>();
            r.put("CONSTRAINT_NAME", tc.get("TABLE_NAME") + "/" + tc.get("CONSTRAINT_NAME"));
            r.put("CHECK_CLAUSE", clause.get(tc.get("CONSTRAINT_NAME")));
            out.add(r);
        }
        return out;
    }

    /** INDEX_COLUMNS rows of user indexes, each with its index's type as CC_METHOD. */
    private static List<Map<String, String>> indexes(Connection c) throws SQLException {
        Map<List<String>, String> user = new HashMap<>();
        for (Map<String, String> i : part(c, "INDEXES")) {
            user.put(List.of(i.get("TABLE_NAME"), i.get("INDEX_NAME")), String.valueOf(i.get("INDEX_TYPE_NAME")));
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> ic : part(c, "INDEX_COLUMNS")) {
            String type = user.get(List.of(ic.get("TABLE_NAME"), ic.get("INDEX_NAME")));
            if (type == null) continue;
            ic.put("CC_METHOD", type);
            out.add(ic);
        }
        return out;
    }

    /** H2 sorts NULL first ascending and last descending unless told otherwise (DEFAULT_NULL_ORDERING LOW). */
    @Override
    String keyOrder(Map<String, String> row) {
        boolean desc = "DESC".equals(row.get("CC_ORDER"));
        String nulls = row.get("CC_NULLS");
        boolean nullsFirst = nulls == null ? !desc : nulls.equals("FIRST");
        String n = nullsFirst == !desc ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST";
        return ((desc ? "DESC" : "") + n).trim();
    }

    @Override
    String indexMethod(Map<String, String> row) {
        String t = row.get("CC_METHOD");
        if (t == null) return "";
        if (t.startsWith("SPATIAL")) return "spatial";
        if (t.startsWith("HASH")) return "hash";
        return "";
    }

    @Override
    java.util.Optional<String> quotedInDefinitions(String table) {
        return java.util.Optional.of("\"" + table.replace("\"", "\"\"") + "\"");
    }

    /** FOREIGN_KEYS rows (JDBC getImportedKeys() shape) from REFERENTIAL_CONSTRAINTS and KEY_COLUMN_USAGE. */
    private static List<Map<String, String>> foreignKeys(Connection c) throws SQLException {
        List<Map<String, String>> refs = part(c, "REFERENTIAL_CONSTRAINTS");
        if (refs.isEmpty()) return List.of();
        Map<List<String>, List<Map<String, String>>> keys = CatalogRows.group(
                part(c, "KEY_COLUMN_USAGE"), r -> List.of(r.get("CONSTRAINT_SCHEMA"), r.get("CONSTRAINT_NAME")));
        String schema = c.getSchema();
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> rc : refs) {
            List<Map<String, String>> referenced = keys.getOrDefault(
                    List.of(rc.get("UNIQUE_CONSTRAINT_SCHEMA"), rc.get("UNIQUE_CONSTRAINT_NAME")), List.of());
            for (Map<String, String> fk : keys.getOrDefault(List.of(schema, rc.get("CONSTRAINT_NAME")), List.of())) {
                for (Map<String, String> pk : referenced) {
                    if (!java.util.Objects.equals(pk.get("ORDINAL_POSITION"), fk.get("POSITION_IN_UNIQUE_CONSTRAINT")))
                        continue;
                    Map<String, String> r = new HashMap<>();
                    r.put("PKTABLE_NAME", pk.get("TABLE_NAME"));
                    r.put("PKCOLUMN_NAME", pk.get("COLUMN_NAME"));
                    r.put("FKTABLE_NAME", fk.get("TABLE_NAME"));
                    r.put("FKCOLUMN_NAME", fk.get("COLUMN_NAME"));
                    r.put("KEY_SEQ", fk.get("ORDINAL_POSITION"));
                    r.put("UPDATE_RULE", ruleCode(rc.get("UPDATE_RULE")));
                    r.put("DELETE_RULE", ruleCode(rc.get("DELETE_RULE")));
                    r.put("FK_NAME", rc.get("CONSTRAINT_NAME"));
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** The JDBC code (DatabaseMetaData.importedKeyCascade …) of an INFORMATION_SCHEMA rule. */
    private static String ruleCode(String rule) {
        switch (rule == null ? "" : rule) {
            case "CASCADE":
                return "0";
            case "RESTRICT":
                return "1";
            case "SET NULL":
                return "2";
            case "SET DEFAULT":
                return "4";
            default:
                return "3";
        }
    }

    @Override
    String userName(Kind kind, String table, List<String> columns, String name, List<String> tableColumns) {
        return SYSTEM.matcher(name).matches()
                        || kind == Kind.INDEX && SYSTEM_INDEX.matcher(name).matches()
                ? ""
                : name;
    }
}
