package dev.concertina.runtime.expand.h2;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.expand.dialect.ExpandDialect;
import dev.concertina.runtime.expand.dialect.SqlText;
import dev.concertina.runtime.expand.dialect.TableSyncSpec;
import dev.concertina.runtime.expand.dialect.TableSyncTriggers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.h2.api.Trigger;

/**
 * One direction of an H2 table sync ({@code AFTER INSERT, UPDATE, DELETE … FOR EACH ROW}): the
 * same change is made to the target row with the same key, each value converted by its query
 * ({@code SELECT expr} over {@code ?}) on the writing session's connection. Nothing is written
 * while the session's backfill flag is set, and the flag is set around the trigger's own write,
 * so the other direction's trigger leaves it alone.
 *
 * <p>Its configuration is a row of {@code concertina_trigger_config} of kind {@value #KIND}: the
 * target table in {@code OLD_COLUMN}, the column mappings in {@code UP_SQL} and the target's key
 * columns in {@code DOWN_SQL}, the target's identity ALWAYS columns in {@code NEW_COLUMN}, each a list of
 * length-prefixed strings ({@code 2:id4:name}).
 */
public final class H2TableSyncTrigger implements Trigger {

    public static final String KIND = "table_sync";

    private static final SqlText SQL = new SqlText(Dialect.H2);

    private int[] sourceIndex;
    private String[] conversions;
    private int[] updateIndex;
    private String[] updateConversions;
    private int[] keySourceIndex;
    private String[] keyConversions;
    /** Per key column: the refusal when the key changes and the target holds it as identity ALWAYS, else null. */
    private String[] fixedKey;

    private String insert;
    private String update;
    private String delete;

    /** The config row of a trigger for {@code spec}, with one conversion query per mapping. */
    public static H2TriggerConfig config(String triggerName, TableSyncSpec spec, List<String> queries) {
        List<String> mapping = new ArrayList<>();
        for (int i = 0; i < spec.columns().size(); i++) {
            TableSyncSpec.Mapping m = spec.columns().get(i);
            mapping.add(m.sourceColumn());
            mapping.add(m.targetColumn());
            mapping.add(queries.get(i));
        }
        return new H2TriggerConfig(
                triggerName,
                spec.source(),
                KIND,
                spec.target(),
                encode(List.copyOf(spec.identityAlways())),
                encode(mapping),
                encode(spec.key()),
                null);
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        H2TriggerConfig config = H2TriggerConfig.load(conn, schemaName, triggerName);
        String target = config.oldColumn();
        List<String> mapping = decode(config.upSql());
        List<String> key = decode(config.downSql());
        List<String> always = config.newColumn() == null ? List.of() : decode(config.newColumn());
        int n = mapping.size() / 3;
        sourceIndex = new int[n];
        conversions = new String[n];
        List<String> targetColumns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sourceIndex[i] = H2TriggerConfig.columnIndex(conn, schemaName, tableName, mapping.get(3 * i));
            targetColumns.add(mapping.get(3 * i + 1));
            conversions[i] = mapping.get(3 * i + 2);
        }
        // An identity ALWAYS column takes a given value only with OVERRIDING SYSTEM VALUE, and none in an UPDATE.
        List<String> updated =
                targetColumns.stream().filter(t -> !always.contains(t)).toList();
        updateIndex = new int[updated.size()];
        updateConversions = new String[updated.size()];
        for (int i = 0; i < updated.size(); i++) {
            int at = targetColumns.indexOf(updated.get(i));
            updateIndex[i] = sourceIndex[at];
            updateConversions[i] = conversions[at];
        }
        keySourceIndex = new int[key.size()];
        keyConversions = new String[key.size()];
        fixedKey = new String[key.size()];
        for (int k = 0; k < key.size(); k++) {
            int at = targetColumns.indexOf(key.get(k));
            if (at < 0) {
                throw new SQLException(
                        "table sync trigger \"" + triggerName + "\": key column \"" + key.get(k) + "\" is not mapped");
            }
            keySourceIndex[k] = sourceIndex[at];
            if (always.contains(key.get(k))) {
                fixedKey[k] = TableSyncTriggers.keyChangeRefused(tableName, target, key.get(k));
            }
            keyConversions[k] = conversions[at];
        }
        String table = SQL.name(schemaName) + "." + SQL.name(target);
        String where = key.stream().map(k -> SQL.name(k) + " = ?").collect(Collectors.joining(" AND ", " WHERE ", ""));
        insert = "INSERT INTO " + table
                + targetColumns.stream().map(SQL::name).collect(Collectors.joining(", ", " (", ")"))
                + (always.isEmpty() ? "" : " OVERRIDING SYSTEM VALUE")
                + " VALUES "
                + targetColumns.stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
        update = updated.isEmpty()
                ? null
                : "UPDATE " + table + " SET "
                        + updated.stream().map(c -> SQL.name(c) + " = ?").collect(Collectors.joining(", ")) + where;
        delete = "DELETE FROM " + table + where;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (flagged(conn)) {
            return;
        }
        List<Object> values = new ArrayList<>();
        String statement;
        if (oldRow == null) {
            statement = insert;
            values.addAll(convert(conn, newRow, sourceIndex, conversions));
        } else if (newRow == null) {
            statement = delete;
            values.addAll(convert(conn, oldRow, keySourceIndex, keyConversions));
        } else {
            for (int k = 0; k < fixedKey.length; k++) {
                if (fixedKey[k] != null
                        && !java.util.Objects.equals(oldRow[keySourceIndex[k]], newRow[keySourceIndex[k]])) {
                    throw new SQLException(fixedKey[k], "55000");
                }
            }
            if (update == null) {
                return;
            }
            statement = update;
            values.addAll(convert(conn, newRow, updateIndex, updateConversions));
            values.addAll(convert(conn, oldRow, keySourceIndex, keyConversions));
        }
        setFlag(conn, "1");
        try (PreparedStatement ps = conn.prepareStatement(statement)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.executeUpdate();
        } finally {
            setFlag(conn, "NULL");
        }
    }

    private static List<Object> convert(Connection conn, Object[] row, int[] index, String[] queries)
            throws SQLException {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            out.add(convert(conn, queries[i], row[index[i]]));
        }
        return out;
    }

    private static Object convert(Connection conn, String sql, Object value) throws SQLException {
        if (value == null || H2TriggerConfig.IDENTITY.equals(sql)) {
            return value;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int markers = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= markers; i++) {
                ps.setObject(i, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private static boolean flagged(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT @" + ExpandDialect.BACKFILL_FLAG)) {
            return rs.next() && rs.getObject(1) != null;
        }
    }

    private static void setFlag(Connection conn, String value) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("SET @" + ExpandDialect.BACKFILL_FLAG + " = " + value);
        }
    }

    static String encode(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            out.append(p.length()).append(':').append(p);
        }
        return out.toString();
    }

    static List<String> decode(String encoded) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < encoded.length()) {
            int colon = encoded.indexOf(':', i);
            int len = Integer.parseInt(encoded.substring(i, colon));
            out.add(encoded.substring(colon + 1, colon + 1 + len));
            i = colon + 1 + len;
        }
        return out;
    }
}
