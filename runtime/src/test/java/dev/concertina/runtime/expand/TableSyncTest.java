package dev.concertina.runtime.expand;

import static dev.concertina.runtime.expand.SyncTriggersTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A table rename's two tables kept in step by {@link TableSync}, on every database. */
class TableSyncTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void writesToEitherTableAppearInTheOther(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            // Mixed case and reserved words: names are always quoted, never pasted.
            String old = Db.n(kind, "people");
            String neu = Db.n(kind, "Person");
            String id = Db.n(kind, "id");
            String name = Db.n(kind, "name");
            String title = Db.n(kind, "Title");
            String age = Db.n(kind, "age");
            String years = Db.n(kind, "order");
            String legacy = Db.n(kind, "legacy");
            String extra = Db.n(kind, "extra");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(50), %s VARCHAR(10), %s VARCHAR(20))", old, id, name, age, legacy),
                    q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(50), %s INT, %s VARCHAR(20) DEFAULT 'x')", neu, id, title, years, extra));
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (1, 'ann', '42')", old, id, name, age));
            List<TableSync.Column> columns = List.of(TableSync.column(id),
                    TableSync.column(name, title, Conversion.identity(), Conversion.identity()),
                    TableSync.column(age, years, Conversion.cast(SQLDataType.INTEGER), Conversion.sql("CAST({} AS VARCHAR(10))")));
            TableSync.install(c, d, old, neu, columns, List.of(id));
            TableSync.install(c, d, old, neu, columns, List.of(id)); // installing again replaces

            // the existing row is copied without being written back (it would collide in the old table)
            TableSync.withoutSync(c, d, () -> exec(c, q(d, "INSERT INTO %s (%s, %s, %s) SELECT %s, %s, CAST(%s AS INT) FROM %s",
                    neu, id, title, years, id, name, age, old)));
            assertEquals(List.of(List.of(1, "ann", 42)), rows(c, d, neu, id, title, years));

            // old code inserts, updates (the key too) and deletes: the new table follows
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s, %s) VALUES (2, 'bob', '7', 'L')", old, id, name, age, legacy));
            assertEquals(List.of(List.of(1, "ann", 42), List.of(2, "bob", 7)), rows(c, d, neu, id, title, years));
            assertEquals("x", Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 2", extra, neu, id)), "unmapped columns get their default");
            Db.exec(c, q(d, "UPDATE %s SET %s = 'Bob', %s = '8' WHERE %s = 2", old, name, age, id));
            Db.exec(c, q(d, "UPDATE %s SET %s = 20 WHERE %s = 2", old, id, id));
            assertEquals(List.of(List.of(1, "ann", 42), List.of(20, "Bob", 8)), rows(c, d, neu, id, title, years));
            Db.exec(c, q(d, "DELETE FROM %s WHERE %s = 1", old, id));
            assertEquals(List.of(List.of(20, "Bob", 8)), rows(c, d, neu, id, title, years));

            // new code inserts, updates and deletes: the old table follows, converted down
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (3, 'cy', 30)", neu, id, title, years));
            Db.exec(c, q(d, "UPDATE %s SET %s = 'Bobby', %s = 9 WHERE %s = 20", neu, title, years, id));
            assertEquals(List.of(List.of(3, "cy", "30"), List.of(20, "Bobby", "9")), rows(c, d, old, id, name, age));
            assertEquals("L", Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 20", legacy, old, id)), "an unmapped old column keeps its value");
            Db.exec(c, q(d, "DELETE FROM %s WHERE %s = 3", neu, id));
            assertEquals(List.of(List.of(20, "Bobby", "9")), rows(c, d, old, id, name, age));
            assertEquals(List.of(List.of(20, "Bobby", 9)), rows(c, d, neu, id, title, years));

            // a trigger whose write fails fails the statement, and leaves the session's flag clear
            TableSync.withoutSync(c, d, () -> exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (4, 'only new')", neu, id, title)));
            assertThrows(SQLException.class, () -> Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (4, 'clash')", old, id, name)));
            assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE %s = 4", old, id))).longValue());
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (5, 'eve')", old, id, name));
            assertEquals(List.of(List.of(4, "only new"), List.of(5, "eve"), List.of(20, "Bobby")), rows(c, d, neu, id, title));

            List<String> own = Db.ownTriggersAndFunctions(db, c);
            assertFalse(own.isEmpty());
            own.forEach(x -> assertTrue(OwnObjects.isOwnTrigger(x), x + " is recognised as Concertina's"));

            TableSync.drop(c, d, old, neu);
            TableSync.drop(c, d, old, neu); // absent: no error
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c), "no trigger or function left behind");
            if (kind == DbKind.H2) {
                assertEquals(0L, ((Number) Db.one(c, "SELECT COUNT(*) FROM \"CONCERTINA_TRIGGER_CONFIG\"")).longValue());
            }
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (6, 'fay')", old, id, name));
            assertEquals(0L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s WHERE %s = 6", neu, id))).longValue(),
                    "without triggers nothing is copied");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesASyncThatCannotWork(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            List<TableSync.Column> oneWay = List.of(TableSync.column("id"), TableSync.column("a", "b", Conversion.identity(), Conversion.none()));
            ConcertinaException e = assertThrows(ConcertinaException.class, () -> TableSync.install(c, d, "t", "u", oneWay, List.of("id")));
            assertEquals(ErrorCode.CONFIGURATION, e.code());
            assertTrue(e.getMessage().contains("\"a\" -> \"b\""), e.getMessage());
            e = assertThrows(ConcertinaException.class, () -> TableSync.install(c, d, "t", "u", List.of(TableSync.column("a")), List.of("id")));
            assertTrue(e.getMessage().contains("key column \"id\""), e.getMessage());
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    /** H2 keeps the mappings in its trigger config table: a wide table's outgrow the column sync's 8000 characters. */
    @org.junit.jupiter.api.Test
    void aWideTableSyncsOnH2() throws Exception {
        Dialect d = Dialect.H2;
        try (FreshDatabase db = FreshDatabase.create(DbKind.H2); Connection c = db.connect()) {
            List<TableSync.Column> columns = new ArrayList<>(List.of(TableSync.column("ID")));
            StringBuilder oldDdl = new StringBuilder("CREATE TABLE \"OLD_WIDE\" (\"ID\" INT PRIMARY KEY");
            StringBuilder newDdl = new StringBuilder("CREATE TABLE \"NEW_WIDE\" (\"ID\" INT PRIMARY KEY");
            for (int i = 0; i < 120; i++) {
                String col = "A_RATHER_LONG_COLUMN_NAME_NUMBER_" + i;
                oldDdl.append(", \"").append(col).append("\" VARCHAR(10)");
                newDdl.append(", \"").append(col).append("\" INT");
                columns.add(TableSync.column(col, col, Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(10))));
            }
            Db.exec(c, oldDdl.append(")").toString(), newDdl.append(")").toString());
            TableSync.install(c, d, "OLD_WIDE", "NEW_WIDE", columns, List.of("ID"));
            Db.exec(c, "INSERT INTO \"OLD_WIDE\" (\"ID\", \"A_RATHER_LONG_COLUMN_NAME_NUMBER_119\") VALUES (1, '119')");
            assertEquals(119, ((Number) Db.one(c, "SELECT \"A_RATHER_LONG_COLUMN_NAME_NUMBER_119\" FROM \"NEW_WIDE\"")).intValue());
            TableSync.drop(c, d, "OLD_WIDE", "NEW_WIDE");
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    private static void exec(Connection c, String sql) {
        try {
            Db.exec(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of {@code table}, ordered by the first column, numbers as ints. */
    /**
     * Old code inserts into the old table and new code into the new one, each leaving the key to its
     * table's counter (identity, auto-increment): no key is handed out twice while the sync is in
     * place, and after it is dropped the new table's counter is past every copied key.
     */
    @ParameterizedTest
    @EnumSource(DbKind.class)
    void generatedKeysOfBothTablesNeverCollide(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        String identity = d == Dialect.MARIADB ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect(); Connection other = db.connect()) {
            String old = Db.n(kind, "people");
            String neu = Db.n(kind, "person");
            String id = Db.n(kind, "id");
            String name = Db.n(kind, "name");
            Db.exec(c, q(d, "CREATE TABLE %s (%s " + identity + ", %s VARCHAR(50))", old, id, name),
                    q(d, "CREATE TABLE %s (%s " + identity + ", %s VARCHAR(50))", neu, id, name));
            for (int i = 0; i < 5; i++) {
                Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES ('seed')", old, name));
            }
            Db.exec(c, q(d, "DELETE FROM %s WHERE %s = 5", old, id)); // the counter is past the largest key
            List<TableSync.Column> columns = List.of(TableSync.column(id), TableSync.column(name));
            TableSync.install(c, d, old, neu, columns, List.of(id));
            TableSync.withoutSync(c, d, () -> exec(c, q(d, "INSERT INTO %s (%s, %s) SELECT %s, %s FROM %s", neu, id, name, id, name, old)));
            // Both releases insert, interleaved, from two sessions.
            for (int i = 0; i < 20; i++) {
                Db.exec(i % 2 == 0 ? c : other, q(d, "INSERT INTO %s (%s) VALUES ('old " + i + "')", old, name));
                Db.exec(i % 2 == 0 ? other : c, q(d, "INSERT INTO %s (%s) VALUES ('new " + i + "')", neu, name));
            }
            List<List<Object>> olds = rows(c, d, old, id, name);
            assertEquals(olds, rows(c, d, neu, id, name));
            assertEquals(44, olds.size());
            assertTrue(olds.stream().noneMatch(r -> ((Integer) r.get(0)) == 5), "key 5 was handed out before: " + olds);
            TableSync.drop(c, d, old, neu);
            Db.exec(c, q(d, "DROP TABLE %s", old));
            for (int i = 0; i < 3; i++) {
                Db.exec(c, q(d, "INSERT INTO %s (%s) VALUES ('after')", neu, name));
            }
            assertEquals(47, rows(c, d, neu, id, name).size());
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    private static List<List<Object>> rows(Connection c, Dialect d, String table, String... columns) throws SQLException {
        String[] names = new String[columns.length + 2];
        System.arraycopy(columns, 0, names, 0, columns.length);
        names[columns.length] = table;
        names[columns.length + 1] = columns[0];
        String list = String.join(", ", java.util.Collections.nCopies(columns.length, "%s"));
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : Db.rows(c, q(d, "SELECT " + list + " FROM %s ORDER BY %s", names))) {
            out.add(r.stream().map(v -> v instanceof Number ? (Object) ((Number) v).intValue() : v).toList());
        }
        return out;
    }
}
