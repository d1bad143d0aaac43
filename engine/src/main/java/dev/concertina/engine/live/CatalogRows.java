package dev.concertina.engine.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of one catalog query over plain JDBC, each a map from upper-case column label to the value
 * as text, exactly as the driver returns it (never trimmed: names keep leading and trailing
 * spaces, control characters and all), null when SQL NULL. The live reader reads every catalog
 * query this way: SchemaCrawler looks every value up by column name through a copy-and-sort of
 * the result set's columns, which dominated the read on large schemas (bench/scale/RESULTS.md),
 * and trims the names it reads.
 */
final class CatalogRows {

    private CatalogRows() {}

    static List<Map<String, String>> query(Connection connection, String sql) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            ResultSetMetaData md = r.getMetaData();
            int n = md.getColumnCount();
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) labels[i] = md.getColumnLabel(i + 1).toUpperCase(Locale.ROOT);
            while (r.next()) {
                Map<String, String> row = new HashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    String v = r.getString(i + 1);
                    row.put(labels[i], v);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Rows grouped by one column's value, in query order. */
    static Map<String, List<Map<String, String>>> by(List<Map<String, String>> rows, String column) {
        return group(rows, r -> r.get(column));
    }

    static <K> Map<K, List<Map<String, String>>> group(
            List<Map<String, String>> rows, Function<Map<String, String>, K> key) {
        Map<K, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (Map<String, String> r : rows)
            out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return out;
    }

    /** An integer column; {@code otherwise} when NULL or not a number. */
    static int integer(Map<String, String> row, String column, int otherwise) {
        String v = row.get(column);
        if (v == null) return otherwise;
        try {
            return new java.math.BigDecimal(v.trim()).intValue();
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A boolean column as SchemaCrawler reads one: a whole number other than 0, or yes / true (any case). */
    static boolean bool(Map<String, String> row, String column) {
        String v = row.get(column) == null ? null : row.get(column).trim();
        if (v == null) return false;
        if (v.matches("[-+]?\\d+")) return !v.equals("0");
        return v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true");
    }
}
