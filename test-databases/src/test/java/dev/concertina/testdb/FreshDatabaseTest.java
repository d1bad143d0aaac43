package dev.concertina.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FreshDatabaseTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void eachDatabaseIsEmptyAndSeparate(DbKind kind) throws SQLException {
        try (FreshDatabase a = FreshDatabase.create(kind); FreshDatabase b = FreshDatabase.create(kind)) {
            a.execute("CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
            try (Connection c = a.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            // The same table name in the other database does not exist yet: the two are isolated.
            assertThrows(SQLException.class, () -> b.execute("SELECT * FROM t"));
            assertFalse(a.name().equals(b.name()));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void closeDropsTheDatabase(DbKind kind) throws SQLException {
        FreshDatabase db = FreshDatabase.create(kind);
        db.execute("CREATE TABLE t (id INT)");
        db.close();
        if (kind == DbKind.H2) {
            // A new connection to the same in-memory name after SHUTDOWN gets an empty database.
            try (FreshDatabase again = db) {
                assertThrows(SQLException.class, () -> again.execute("SELECT * FROM t"));
            }
        } else {
            assertThrows(SQLException.class, db::connect);
        }
    }
}
