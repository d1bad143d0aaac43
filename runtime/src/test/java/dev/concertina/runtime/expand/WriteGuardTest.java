package dev.concertina.runtime.expand;

import static dev.concertina.runtime.expand.SyncTriggersTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WriteGuardTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void refusesEveryWriteWithItsMessageWhileReadsGoOn(DbKind kind) throws Exception {
        Dialect d = Db.dialect(kind);
        String message = "table \"account\" is being migrated; it's read-only until release 2026.2";
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            String t = Db.n(kind, "account");
            String id = Db.n(kind, "id");
            String v = Db.n(kind, "v");
            Db.exec(c, q(d, "CREATE TABLE %s (%s INT PRIMARY KEY, %s VARCHAR(10))", t, id, v),
                    q(d, "INSERT INTO %s VALUES (1, 'a'), (2, 'b')", t));
            WriteGuard.install(c, d, t, message);
            for (String write : List.of(q(d, "INSERT INTO %s VALUES (3, 'c')", t), q(d, "UPDATE %s SET %s = 'x'", t, v),
                    q(d, "DELETE FROM %s WHERE %s = 1", t, id))) {
                SQLException e = assertThrows(SQLException.class, () -> Db.exec(c, write), write);
                assertTrue(e.getMessage().contains(message), e.getMessage());
            }
            assertEquals(2L, ((Number) Db.one(c, q(d, "SELECT COUNT(*) FROM %s", t))).longValue());
            assertEquals("a", Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 1", v, t, id)));

            WriteGuard.drop(c, d, t);
            WriteGuard.drop(c, d, t);
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c));
            Db.exec(c, q(d, "UPDATE %s SET %s = 'x'", t, v));
            assertEquals("x", Db.one(c, q(d, "SELECT %s FROM %s WHERE %s = 1", v, t, id)));
        }
    }
}
