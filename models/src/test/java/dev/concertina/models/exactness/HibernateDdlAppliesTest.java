package dev.concertina.models.exactness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.models.EntityDdl;
import dev.concertina.models.Fixtures;
import dev.concertina.models.TargetDatabase;
import dev.concertina.testkit.DbKind;
import dev.concertina.testkit.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hibernate's DDL for all fixtures, as {@link EntityDdl} writes it, runs on a real, empty database. */
class HibernateDdlAppliesTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everyStatementRuns(DbKind kind) throws SQLException {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            List<String> ddl = EntityDdl.createScript(Fixtures.packages(Fixtures.LIBRARY, Fixtures.SHOP, Fixtures.HR),
                    TargetDatabase.of(Fixtures.dialect(kind)));
            assertTrue(ddl.stream().anyMatch(s -> s.startsWith("create table")), ddl::toString);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        throw new AssertionError(kind + ": " + sql + " → " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}
