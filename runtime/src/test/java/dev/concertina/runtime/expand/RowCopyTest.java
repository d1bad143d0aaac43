package dev.concertina.runtime.expand;

import static dev.concertina.runtime.expand.SyncTriggersTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A renamed table's rows copied in keyset batches ({@link RowCopy}), beside the table sync. */
class RowCopyTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void copiesInBatchesSkipsRowsAlreadyThereAndDoesNotWriteBack(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String old = Db.n(kind, "people");
            String neu = Db.n(kind, "person");
            String id = Db.n(kind, "id");
            String name = Db.n(kind, "fullname");
            String title = Db.n(kind, "display_name");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(50))", old, id, name),
                    q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(50))", neu, id, title));
            for (int i = 1; i <= 7; i++) {
                Db.exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (" + i + ", 'p" + i + "')", old, id, name));
            }
            TableSync.install(c, d, old, neu, List.of(TableSync.column(id),
                    TableSync.column(name, title, Conversion.identity(), Conversion.identity())), List.of(id));
            // Row 3 reached the new table already (as a trigger or new code would put it there).
            TableSync.withoutSync(c, d, () -> exec(c, q(d, "INSERT INTO %s (%s, %s) VALUES (3, 'new 3')", neu, id, title)));

            List<Field<?>> values = List.of(DSL.field(DSL.quotedName(id)), DSL.field(DSL.quotedName(name)));
            BackfillOptions small = BackfillOptions.defaults().withBatchSize(2).withTargetBatchTime(Duration.ZERO);
            BackfillResult r = RowCopy.run(c, d, old, neu, List.of(id, title), values, List.of(id), List.of(id), small);
            assertEquals(6, r.rowsUpdated(), "row 3 was there already");
            assertEquals(4, r.batches(), "7 keys in batches of 2");
            assertEquals(List.of(List.of(1, "p1"), List.of(2, "p2"), List.of(3, "new 3"), List.of(4, "p4"), List.of(5, "p5"),
                    List.of(6, "p6"), List.of(7, "p7")), Db.rows(c, q(d, "SELECT %s, %s FROM %s ORDER BY %s", id, title, neu, id)));
            assertEquals(7L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s", old))).longValue(),
                    "the copy is not written back to the old table (it would collide)");
            assertTrue(c.getAutoCommit(), "the connection is handed back as it came");

            // A rerun (after a crash) copies nothing more.
            assertEquals(0, RowCopy.run(c, d, old, neu, List.of(id, title), values, List.of(id), List.of(id), small).rowsUpdated());
        }
    }

    private static void exec(Connection c, String sql) {
        try {
            Db.exec(c, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
