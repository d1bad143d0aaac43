package dev.concertina.runtime.expand;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The resume point of one backfill, in {@link OwnObjects#BACKFILL_TABLE}. */
final class BackfillCheckpoint {
    record State(List<Object> lastKey, long rowsDone) {}

    private final Connection connection;
    private final Dialect dialect;
    private final SqlText sql;
    private final String table;
    private final String column;

    BackfillCheckpoint(Connection connection, Dialect dialect, String table, String column) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.sql = new SqlText(dialect);
        this.table = table;
        this.column = column;
        ensureTable();
    }

    private String name(String n) {
        return sql.name(dialect.foldUnquoted(n));
    }

    private void ensureTable() throws SQLException {
        String ddl = DSL.using(dialect.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS))
                .createTableIfNotExists(DSL.name(dialect.foldUnquoted(OwnObjects.BACKFILL_TABLE)))
                .column(
                        DSL.name(dialect.foldUnquoted("table_name")),
                        SQLDataType.VARCHAR(255).nullable(false))
                .column(
                        DSL.name(dialect.foldUnquoted("column_name")),
                        SQLDataType.VARCHAR(255).nullable(false))
                .column(
                        DSL.name(dialect.foldUnquoted("last_key")),
                        SQLDataType.VARCHAR(4000).nullable(false))
                .column(DSL.name(dialect.foldUnquoted("rows_done")), SQLDataType.BIGINT.nullable(false))
                .column(DSL.name(dialect.foldUnquoted("updated_at")), SQLDataType.TIMESTAMP.nullable(false))
                .constraints(DSL.primaryKey(
                        DSL.name(dialect.foldUnquoted("table_name")), DSL.name(dialect.foldUnquoted("column_name"))))
                .getSQL();
        try (Statement s = connection.createStatement()) {
            s.execute(ddl);
        }
    }

    private String whereThis() {
        return " WHERE " + name("table_name") + " = ? AND " + name("column_name") + " = ?";
    }

    Optional<State> load(int keyParts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + name("last_key") + ", " + name("rows_done")
                + " FROM " + name(OwnObjects.BACKFILL_TABLE) + whereThis())) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long rowsDone = rs.getLong(2);
                return KeyCodec.decode(rs.getString(1), keyParts).map(k -> new State(k, rowsDone));
            }
        }
    }

    void save(List<Object> lastKey, long rowsDone) throws SQLException {
        Optional<String> encoded = KeyCodec.encode(lastKey);
        if (encoded.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps =
                connection.prepareStatement("UPDATE " + name(OwnObjects.BACKFILL_TABLE) + " SET " + name("last_key")
                        + " = ?, " + name("rows_done") + " = ?, " + name("updated_at") + " = ?" + whereThis())) {
            ps.setString(1, encoded.get());
            ps.setLong(2, rowsDone);
            ps.setTimestamp(3, now);
            ps.setString(4, table);
            ps.setString(5, column);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + name(OwnObjects.BACKFILL_TABLE) + " ("
                + name("table_name") + ", " + name("column_name") + ", " + name("last_key") + ", " + name("rows_done")
                + ", " + name("updated_at") + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, column);
            ps.setString(3, encoded.get());
            ps.setLong(4, rowsDone);
            ps.setTimestamp(5, now);
            ps.executeUpdate();
        }
    }

    void delete() throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("DELETE FROM " + name(OwnObjects.BACKFILL_TABLE) + whereThis())) {
            ps.setString(1, table);
            ps.setString(2, column);
            ps.executeUpdate();
        }
    }
}
