package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The statements of a {@link Backfill} (or a {@link RowCopy}) walking one table in primary-key
 * order: its key, its last row, the upper key of the next batch and the batch's write. Keys are compared as
 * written-out row comparisons, bound as parameters; names are quoted by the dialect.
 */
final class BackfillKeysetQuery {
    private final Connection connection;
    private final Dialect dialect;
    private final SqlText sql;
    private final String table;
    private final String write;
    private final String tail;
    private final String where;
    private List<String> key;

    /**
     * @param write the batch's statement up to its own condition ({@code UPDATE t SET c = e WHERE c
     *              IS NULL}); each batch appends {@code AND} its key range on {@code table}
     * @param tail  what follows the key range ({@code ON CONFLICT … DO NOTHING}), or empty
     */
    BackfillKeysetQuery(Connection connection, Dialect dialect, String table, String write, String tail, String where) {
        this.connection = connection;
        this.dialect = dialect;
        this.sql = new SqlText(dialect);
        this.table = table;
        this.write = write;
        this.tail = tail;
        this.where = where;
    }

    /**
     * The last key when the run starts: rows inserted after it were written with the sync
     * triggers in place and need no backfill, so the run does not chase writers at the table's end.
     * Null for an empty table.
     */
    List<Object> lastKey() throws SQLException {
        List<String> desc = new ArrayList<>();
        for (String k : key) {
            desc.add(sql.name(k) + " DESC");
        }
        String q = "SELECT " + columns(key) + " FROM " + sql.name(table) + " ORDER BY " + String.join(", ", desc)
                + " LIMIT 1";
        try (PreparedStatement ps = prepare(q, List.of());
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            List<Object> last = new ArrayList<>();
            for (int i = 1; i <= key.size(); i++) {
                last.add(rs.getObject(i));
            }
            return last;
        }
    }

    /** The key of the batch's last row, or null when fewer than a batch of rows remain before {@code end}. */
    List<Object> upperBound(List<Object> last, List<Object> end, int size) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder q = new StringBuilder("SELECT ")
                .append(columns(key))
                .append(" FROM ")
                .append(sql.name(table));
        q.append(" WHERE ").append(notAfter(key, end, params));
        if (last != null) {
            q.append(" AND ").append(after(key, last, params));
        }
        q.append(" ORDER BY ").append(columns(key)).append(" LIMIT 1 OFFSET ").append(size - 1);
        try (PreparedStatement ps = prepare(q.toString(), params);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            List<Object> upper = new ArrayList<>();
            for (int i = 1; i <= key.size(); i++) {
                upper.add(rs.getObject(i));
            }
            return upper;
        }
    }

    /** Runs the batch's statement over the keys in {@code (last, upper]}; the rows it wrote. */
    int write(List<Object> last, List<Object> upper) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder q = new StringBuilder(write);
        if (last != null) {
            q.append(" AND ").append(after(key, last, params));
        }
        q.append(" AND ").append(notAfter(key, upper, params)).append(tail);
        try (PreparedStatement ps = prepare(q.toString(), params)) {
            return ps.executeUpdate();
        }
    }

    /**
     * {@code (k1, k2) > (v1, v2)} written out ({@code k1 >= v1 AND (k1 > v1 OR (k1 = v1 AND k2 > v2))}):
     * the leading {@code k1 >= v1} gives MariaDB, which does not range-scan row comparisons, its range.
     */
    private String after(List<String> key, List<Object> values, List<Object> params) {
        return compare(key, values, params, ">", ">=", ">");
    }

    /** {@code (k1, k2) <= (v1, v2)} written out the same way. */
    private String notAfter(List<String> key, List<Object> values, List<Object> params) {
        return compare(key, values, params, "<", "<=", "<=");
    }

    private String compare(
            List<String> key, List<Object> values, List<Object> params, String strict, String lead, String lastOp) {
        if (key.size() == 1) {
            params.add(values.get(0));
            return sql.name(key.get(0)) + " " + lastOp + " ?";
        }
        StringBuilder c =
                new StringBuilder(sql.name(key.get(0))).append(' ').append(lead).append(" ? AND (");
        params.add(values.get(0));
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                c.append(" OR ");
            }
            c.append('(');
            for (int j = 0; j < i; j++) {
                c.append(sql.name(key.get(j))).append(" = ? AND ");
                params.add(values.get(j));
            }
            c.append(sql.name(key.get(i)))
                    .append(' ')
                    .append(i == key.size() - 1 ? lastOp : strict)
                    .append(" ?)");
            params.add(values.get(i));
        }
        return c.append(')').toString();
    }

    private String columns(List<String> key) {
        List<String> quoted = new ArrayList<>();
        for (String k : key) {
            quoted.add(sql.name(k));
        }
        return String.join(", ", quoted);
    }

    private PreparedStatement prepare(String q, List<Object> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(q);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    long count() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + sql.name(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The primary key columns in key order, read from the JDBC metadata of the current schema. */
    List<String> primaryKey() throws SQLException {
        if (key != null) {
            return key;
        }
        DatabaseMetaData md = connection.getMetaData();
        String catalog = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? connection.getCatalog() : null;
        String schema = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? null : connection.getSchema();
        TreeMap<Short, String> columns = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        if (columns.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED,
                    where + ": table \"" + table
                            + "\" has no primary key (or does not exist), and batches need one to walk the table;"
                            + " add a primary key first, or fill the column with one UPDATE yourself");
        }
        key = new ArrayList<>(columns.values());
        return key;
    }
}
