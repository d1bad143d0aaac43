package dev.concertina.runtime.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/expand.md semantics of the sync triggers, on every database. */
class SyncTriggersTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void renameAndTypeChangeFollowTheSyncRules(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            // Mixed case and a reserved word: names are always quoted, never pasted.
            String t = Db.n(kind, "Order");
            String name = Db.n(kind, "name");
            String title = Db.n(kind, "Title");
            String code = Db.n(kind, "code");
            String codeNum = Db.n(kind, "code_num");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(50), %s VARCHAR(50), %s VARCHAR(20), %s INT)",
                    t, Db.n(kind, "id"), name, title, code, codeNum));
            SyncTriggers.install(c, d, t, name, title, Conversion.identity(), Conversion.identity());
            SyncTriggers.install(c, d, t, code, codeNum, Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(20)));
            // installing again replaces, it does not fail
            SyncTriggers.install(c, d, t, code, codeNum, Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(20)));

            // old code inserts: new columns are filled
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (1, 'ann', '42')", t, Db.n(kind, "id"), name, code));
            assertEquals(List.of("ann", "ann", "42", 42), row(c, d, kind, 1));
            // new code inserts: old columns are filled
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s, %s) VALUES (2, 'bob', 7)", t, Db.n(kind, "id"), title, codeNum));
            assertEquals(List.of("bob", "bob", "7", 7), row(c, d, kind, 2));
            // new code updates the new column: the old one follows
            Db.exec(c, q(d, "UPDATE %s SET %s = 'Ann', %s = 43 WHERE %s = 1", t, title, codeNum, Db.n(kind, "id")));
            assertEquals(List.of("Ann", "Ann", "43", 43), row(c, d, kind, 1));
            // old code updates the old column: the new one follows (a case-only change counts as a change)
            Db.exec(c, q(d, "UPDATE %s SET %s = 'BOB', %s = '8' WHERE %s = 2", t, name, code, Db.n(kind, "id")));
            assertEquals(List.of("BOB", "BOB", "8", 8), row(c, d, kind, 2));
            // an update of neither column leaves both alone
            Db.exec(c, q(d, "UPDATE %s SET %s = %s WHERE %s = 2", t, Db.n(kind, "id"), Db.n(kind, "id"), Db.n(kind, "id")));
            assertEquals(List.of("BOB", "BOB", "8", 8), row(c, d, kind, 2));
            // setting the new column to null propagates null (down(null) is null)
            Db.exec(c, q(d, "UPDATE %s SET %s = NULL WHERE %s = 2", t, title, Db.n(kind, "id")));
            assertEquals(java.util.Arrays.asList(null, null, "8", 8), row(c, d, kind, 2));

            List<String> own = Db.ownTriggersAndFunctions(db, c);
            assertFalse(own.isEmpty());
            own.forEach(x -> assertTrue(OwnObjects.isOwnTrigger(x), x + " is recognised as Concertina's"));

            SyncTriggers.drop(c, d, t, name, title);
            SyncTriggers.drop(c, d, t, code, codeNum);
            SyncTriggers.drop(c, d, t, code, codeNum); // absent: no error
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c), "no trigger or function left behind");
            if (kind == DbKind.H2) {
                assertEquals(0L, ((Number) Db.one(c, "SELECT COUNT(*) FROM \"CONCERTINA_TRIGGER_CONFIG\"")).longValue());
            }
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (3, 'cy')", t, Db.n(kind, "id"), name));
            assertEquals(null, row(c, d, kind, 3).get(1), "without triggers nothing is copied");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void oneWaySyncComputesADerivedColumnAndH2SeesTheSourceType(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String t = Db.n(kind, "item");
            String id = Db.n(kind, "id");
            String price = Db.n(kind, "price");
            String cents = Db.n(kind, "price_cents");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s DECIMAL(10,2) NOT NULL, %s BIGINT)", t, id, price, cents));
            SyncTriggers.install(c, d, t, price, cents, Conversion.sql("{} * 100"), Conversion.none());
            // a column added after the trigger, before the synced ones: H2 must still find the right positions
            Db.exec(c, kind == DbKind.H2
                    ? q(d, "ALTER TABLE %s ADD %s VARCHAR(10) BEFORE %s", t, Db.n(kind, "note"), price)
                    : q(d, "ALTER TABLE %s ADD %s VARCHAR(10)", t, Db.n(kind, "note")));
            Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (1, 12.34)", t, id, price));
            assertEquals(1234L, ((Number) Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 1", cents, t, id))).longValue());
            Db.exec(c, q(d, "UPDATE %s SET %s = 0.5 WHERE %s = 1", t, price, id));
            assertEquals(50L, ((Number) Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 1", cents, t, id))).longValue());
            // new code writes both; nothing is copied back
            Db.exec(c, q(d, "UPDATE %s SET %s = 999 WHERE %s = 1", t, cents, id));
            assertEquals(0, new java.math.BigDecimal("0.50").compareTo((java.math.BigDecimal) Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 1", price, t, id))));
            SyncTriggers.drop(c, d, t, price, cents);
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
        }
    }

    private static List<Object> row(Connection c, Dialect d, DbKind kind, int id) throws Exception {
        List<Object> r = Db.rows(c, q(d, "SELECT %s, %s, %s, %s FROM %s WHERE %s = " + id, Db.n(kind, "name"), Db.n(kind, "Title"),
                Db.n(kind, "code"), Db.n(kind, "code_num"), Db.n(kind, "Order"), Db.n(kind, "id"))).get(0);
        return new java.util.ArrayList<>(r.stream().map(v -> v instanceof Number ? (Object) ((Number) v).intValue() : v).toList());
    }

    /** Formats SQL whose %s are identifiers, quoted by the dialect. */
    static String q(Dialect d, String template, String... names) {
        dev.concertina.runtime.expand.dialect.SqlText sql = new dev.concertina.runtime.expand.dialect.SqlText(d);
        Object[] quoted = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            quoted[i] = sql.name(names[i]);
        }
        return String.format(template, quoted);
    }
}
