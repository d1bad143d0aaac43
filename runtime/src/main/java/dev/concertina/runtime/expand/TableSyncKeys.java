package dev.concertina.runtime.expand;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The generated keys of a table rename's two tables, while old code inserts into one and new code
 * into the other ({@link TableSync}): each table has its own counter (identity, auto-increment), and
 * a key one of them hands out, copied by the sync into the other table, would later be handed out
 * again by the other's counter. So while the sync is installed no key can come from both:
 * <ul>
 *   <li>PostgreSQL and H2 (identity columns): the two counters step by 2 from above every key so
 *       far, the old table on odd keys and the new one on even keys (metadata only, under a brief
 *       lock of both tables); {@link #release} steps them by 1 again.</li>
 *   <li>MariaDB: a counter steps per server, not per table, so both tables draw from one
 *       {@code SEQUENCE} ({@code concertina_key_<table>}) through a BEFORE INSERT trigger that fills a
 *       key the insert left out; a key given (a sync's copy) is kept and moves the table's own counter
 *       past it.</li>
 *   <li>MySQL, which has no {@code SEQUENCE}: nothing; its counters are raised by the keys the sync
 *       writes, so only concurrent inserts into both tables can collide.</li>
 * </ul>
 * Only a one-column key generated in both tables is handled; any other key is given by the
 * application and left alone.
 */
final class TableSyncKeys {

    private TableSyncKeys() {}

    /** Makes the two tables' generated keys disjoint (again, when installed already). */
    static void share(Connection c, Dialect d, String table, String oldKey, String newTable, String newKey)
            throws SQLException {
        if (!generated(c, d, table, oldKey) || !generated(c, d, newTable, newKey)) {
            return;
        }
        switch (d) {
            case POSTGRES, H2 -> interleave(c, d, table, oldKey, newTable, newKey);
            case MARIADB -> oneSequence(c, d, table, oldKey, newTable, newKey);
            // MySQL has no SEQUENCE: its two counters stay apart (docs/expand.md, limits).
            case MYSQL -> {}
        }
    }

    /** Undoes {@link #share} on the tables that still exist; nothing when it was not needed. */
    static void release(Connection c, Dialect d, String table, String newTable) throws SQLException {
        SqlText sql = new SqlText(d);
        switch (d) {
            case POSTGRES, H2 -> {
                // Only the pair share() made: both keys generated and stepping by 2.
                Optional<String> oldKey = generatedKey(c, d, table);
                Optional<String> newKey = generatedKey(c, d, newTable);
                if (oldKey.isEmpty()
                        || newKey.isEmpty()
                        || increment(c, d, table) != 2
                        || increment(c, d, newTable) != 2) {
                    return;
                }
                execute(
                        c,
                        "ALTER TABLE " + sql.name(table) + " ALTER COLUMN " + sql.name(oldKey.get())
                                + " SET INCREMENT BY 1",
                        "ALTER TABLE " + sql.name(newTable) + " ALTER COLUMN " + sql.name(newKey.get())
                                + " SET INCREMENT BY 1");
            }
            case MARIADB -> {
                execute(
                        c,
                        "DROP TRIGGER IF EXISTS " + sql.name(trigger(d, table, newTable, table)),
                        "DROP TRIGGER IF EXISTS " + sql.name(trigger(d, table, newTable, newTable)),
                        "DROP SEQUENCE IF EXISTS " + sql.name(sequence(d, table)));
            }
        }
    }

    private static void interleave(Connection c, Dialect d, String table, String oldKey, String newTable, String newKey)
            throws SQLException {
        SqlText sql = new SqlText(d);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (d == Dialect.POSTGRES) {
                // No insert into either table between reading the keys and moving the counters (H2's DDL commits).
                execute(
                        c,
                        "LOCK TABLE " + sql.name(table) + ", " + sql.name(newTable) + " IN SHARE ROW EXCLUSIVE MODE");
            }
            long next = Math.max(next(c, d, table, oldKey), next(c, d, newTable, newKey));
            long odd = next % 2 == 1 ? next : next + 1;
            restart(c, sql, table, oldKey, odd);
            restart(c, sql, newTable, newKey, odd + 1);
            if (autoCommit) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void restart(Connection c, SqlText sql, String table, String key, long start) throws SQLException {
        execute(
                c,
                "ALTER TABLE " + sql.name(table) + " ALTER COLUMN " + sql.name(key)
                        + " SET INCREMENT BY 2 RESTART WITH " + start);
    }

    /** Above every key in the table and every key its counter handed out. */
    private static long next(Connection c, Dialect d, String table, String key) throws SQLException {
        SqlText sql = new SqlText(d);
        long max = number(c, "SELECT COALESCE(MAX(" + sql.name(key) + "), 0) FROM " + sql.name(table));
        long counter;
        if (d == Dialect.POSTGRES) {
            // last_value is the last key handed out once is_called, else the next one.
            String seq = string(c, "SELECT pg_get_serial_sequence(?, ?)", sql.name(table), key);
            counter = number(c, "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + seq);
        } else {
            counter = number(
                    c,
                    "SELECT IDENTITY_BASE - 1 FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                    table,
                    key);
        }
        return Math.max(max, counter) + 1;
    }

    private static void oneSequence(
            Connection c, Dialect d, String table, String oldKey, String newTable, String newKey) throws SQLException {
        SqlText sql = new SqlText(d);
        String seq = sql.name(sequence(d, table));
        long next = Math.max(autoIncrement(c, table), autoIncrement(c, newTable));
        next = Math.max(next, Math.max(max(c, sql, table, oldKey), max(c, sql, newTable, newKey)) + 1);
        execute(c, "CREATE SEQUENCE IF NOT EXISTS " + seq + " START WITH " + next + " NOCACHE");
        for (String[] t : new String[][] {{table, oldKey}, {newTable, newKey}}) {
            String name = sql.name(trigger(d, table, newTable, t[0]));
            String key = "NEW." + sql.name(t[1]);
            execute(
                    c,
                    "DROP TRIGGER IF EXISTS " + name,
                    "CREATE TRIGGER " + name + " BEFORE INSERT ON " + sql.name(t[0]) + " FOR EACH ROW"
                            + " IF " + key + " IS NULL OR " + key + " = 0 THEN SET " + key + " = NEXT VALUE FOR " + seq
                            + "; END IF");
        }
    }

    private static long autoIncrement(Connection c, String table) throws SQLException {
        return number(
                c,
                "SELECT COALESCE(AUTO_INCREMENT, 1) FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name = ?",
                table);
    }

    private static long max(Connection c, SqlText sql, String table, String key) throws SQLException {
        return number(c, "SELECT COALESCE(MAX(" + sql.name(key) + "), 0) FROM " + sql.name(table));
    }

    static String sequence(Dialect d, String table) {
        return TriggerNames.fit(d, d.foldUnquoted(OwnObjects.PREFIX + "key_") + table);
    }

    private static String trigger(Dialect d, String table, String newTable, String on) {
        return TriggerNames.tableSync(d, table, newTable, on.equals(table) ? "key_old" : "key_new");
    }

    /** Whether {@code column} of {@code table} is generated by the table (identity, serial, auto-increment). */
    private static boolean generated(Connection c, Dialect d, String table, String column) throws SQLException {
        return generatedKey(c, d, table).filter(column::equals).isPresent();
    }

    private static Optional<String> generatedKey(Connection c, Dialect d, String table) throws SQLException {
        String sql = switch (d) {
            case POSTGRES ->
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ? AND is_identity = 'YES'";
            case H2 ->
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                        + " AND TABLE_NAME = ? AND IS_IDENTITY = 'YES'";
            default ->
                "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                        + " AND table_name = ? AND extra LIKE '%auto_increment%'";
        };
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static long increment(Connection c, Dialect d, String table) throws SQLException {
        return number(
                c,
                d == Dialect.POSTGRES
                        ? "SELECT CAST(identity_increment AS BIGINT) FROM information_schema.columns"
                                + " WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'"
                        : "SELECT IDENTITY_INCREMENT FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND IS_IDENTITY = 'YES'",
                table);
    }

    private static long number(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String string(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
