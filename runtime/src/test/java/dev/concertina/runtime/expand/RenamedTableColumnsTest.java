package dev.concertina.runtime.expand;

import static dev.concertina.runtime.expand.SyncTriggersTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A renamed table whose columns the database fills itself (issue 12): a generated column, an identity
 * GENERATED ALWAYS key. Old code writes the old table, new code the new one, both keep working.
 */
class RenamedTableColumnsTest {

    private static final BackfillOptions SMALL =
            BackfillOptions.defaults().withBatchSize(2).withTargetBatchTime(Duration.ZERO);

    /** A generated column is neither written by the sync nor by the copy: each table computes its own. */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aGeneratedColumnComputesItselfOnEachSide(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        String stored = d == Dialect.POSTGRES ? " STORED" : ""; // MariaDB: virtual
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String old = Db.n(kind, "gauge_a");
            String neu = Db.n(kind, "gauge_b");
            String id = Db.n(kind, "id");
            String w = Db.n(kind, "width");
            String h = Db.n(kind, "height");
            String area = Db.n(kind, "area");
            String table = "CREATE TABLE %s (%s BIGINT PRIMARY KEY, %s INT, %s INT, %s INT GENERATED ALWAYS AS (%s * %s)"
                    + stored + ")";
            Db.exec(c, q(d, table, old, id, w, h, area, w, h), q(d, table, neu, id, w, h, area, w, h));
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (1, 2, 3), (2, 4, 5), (3, 6, 7)", old, id, w, h));
            // As the expand revisions generated before the fix list it: area among the synced and copied columns.
            TableSync.install(c, d, old, neu, List.of(TableSync.column(id), TableSync.column(area),
                    TableSync.column(h), TableSync.column(w)), List.of(id));
            List<Field<?>> values = List.of(field(id), field(area), field(h), field(w));
            BackfillResult copied = RowCopy.run(c, d, old, neu, List.of(id, area, h, w), values, List.of(id), List.of(id), SMALL);
            assertEquals(3, copied.rowsUpdated());

            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (10, 2, 2)", old, id, w, h)); // old release
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (20, 3, 3)", neu, id, w, h)); // new release
            Db.exec(c, q(d, "UPDATE %s SET %s = 10 WHERE %s = 1", old, w, id));
            Db.exec(c, q(d, "UPDATE %s SET %s = 10 WHERE %s = 2", neu, h, id));
            Db.exec(c, q(d, "DELETE FROM %s WHERE %s = 3", old, id));
            List<List<Object>> expected = List.of(List.of(1L, 10L, 3L, 30L), List.of(2L, 4L, 10L, 40L),
                    List.of(10L, 2L, 2L, 4L), List.of(20L, 3L, 3L, 9L));
            assertEquals(expected, rows(c, d, old, id, w, h, area));
            assertEquals(expected, rows(c, d, neu, id, w, h, area));

            TableSync.drop(c, d, old, neu);
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    /**
     * Identity GENERATED ALWAYS keys (PostgreSQL, H2; AUTO_INCREMENT on MariaDB) on both tables: the sync
     * and the copy give the key with OVERRIDING SYSTEM VALUE, and an UPDATE leaves it alone.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anIdentityAlwaysKeyTakesTheCopiedValue(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        String identity = d == Dialect.MARIADB ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String old = Db.n(kind, "acct_a");
            String neu = Db.n(kind, "acct_b");
            String id = Db.n(kind, "id");
            String name = Db.n(kind, "name");
            Db.exec(c, q(d, "CREATE TABLE %s (%s " + identity + ", %s VARCHAR(50))", old, id, name),
                    q(d, "CREATE TABLE %s (%s " + identity + ", %s VARCHAR(50))", neu, id, name));
            for (String seed : List.of("a", "b", "c")) {
                Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES ('" + seed + "')", old, name));
            }
            TableSync.install(c, d, old, neu, List.of(TableSync.column(id), TableSync.column(name)), List.of(id));
            RowCopy.run(c, d, old, neu, List.of(id, name), List.of(field(id), field(name)), List.of(id), List.of(id), SMALL);

            Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES ('old code')", old, name));
            Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES ('new code')", neu, name));
            Db.exec(c, q(d, "UPDATE %s SET %s = 'A' WHERE %s = 1", old, name, id));
            Db.exec(c, q(d, "UPDATE %s SET %s = 'B' WHERE %s = 2", neu, name, id));
            Db.exec(c, q(d, "DELETE FROM %s WHERE %s = 3", neu, id));
            List<List<Object>> rows = rows(c, d, old, id, name);
            assertEquals(rows, rows(c, d, neu, id, name));
            assertEquals(List.of("A", "B", "old code", "new code"), rows.stream().map(r -> r.get(1)).toList());
            if (d != Dialect.MARIADB) {
                // New code's key BY DEFAULT, the old table's ALWAYS: a changed key cannot follow, and is refused.
                Db.exec(c, q(d, "ALTER TABLE %s ALTER COLUMN %s SET GENERATED BY DEFAULT", neu, id));
                SQLException refused = assertThrows(SQLException.class,
                        () -> Db.exec(c, q(d, "UPDATE %s SET %s = 99 WHERE %s = 1", neu, id, id)));
                assertTrue(refused.getMessage().contains("cannot follow a changed key"), refused.getMessage());
                assertEquals(rows, rows(c, d, neu, id, name));
            }

            TableSync.drop(c, d, old, neu);
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    /**
     * An install that fails part-way (the new table locked by a writer: its triggers cannot be created)
     * drops what it installed: the old release's writes go on, untouched. (H2 creates the triggers beside
     * the writer's open transaction: nothing fails there.)
     */
    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MARIADB"})
    void aFailedInstallLeavesNoTrigger(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect(); Connection writer = db.connect()) {
            String old = Db.n(kind, "people");
            String neu = Db.n(kind, "person");
            String id = Db.n(kind, "id");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY)", old, id), q(d, "CREATE TABLE %s (%s INT PRIMARY KEY)", neu, id));
            Db.exec(c, switch (d) {
                case POSTGRES -> "SET lock_timeout = '300ms'";
                default -> "SET SESSION lock_wait_timeout = 1";
            });
            writer.setAutoCommit(false);
            Db.exec(writer, q(d, "INSERT INTO %s (%s) VALUES (100)", neu, id));
            ConcertinaException e = assertThrows(ConcertinaException.class,
                    () -> TableSync.install(c, d, old, neu, List.of(TableSync.column(id)), List.of(id)));
            assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
            writer.rollback();
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c), "nothing of the sync is left");
            Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES (1)", old, id));
            assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s", neu))).longValue());
        }
    }

    private static Field<?> field(String name) {
        return DSL.field(DSL.quotedName(name));
    }

    /** The rows of {@code table} ordered by the first column, numbers as longs. */
    private static List<List<Object>> rows(Connection c, Dialect d, String table, String... columns) throws SQLException {
        String list = String.join(", ", java.util.Collections.nCopies(columns.length, "%s"));
        String[] names = new String[columns.length + 2];
        System.arraycopy(columns, 0, names, 0, columns.length);
        names[columns.length] = table;
        names[columns.length + 1] = columns[0];
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : Db.rows(c, q(d, "SELECT " + list + " FROM %s ORDER BY %s", names))) {
            out.add(r.stream().map(v -> v instanceof Number n ? (Object) n.longValue() : v).toList());
        }
        return out;
    }
}
