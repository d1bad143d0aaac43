package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The database's own row estimates, read after it has counted (ANALYZE). */
class LiveRowEstimatesTest {

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MARIADB"})
    void theEstimateOfAnAnalysedTableIsItsRowCount(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("create table item (id int primary key)");
            s.execute("create table empty_one (id int primary key)");
            StringBuilder rows = new StringBuilder("insert into item values (1)");
            for (int i = 2; i <= 300; i++) {
                rows.append(", (").append(i).append(')');
            }
            s.execute(rows.toString());
            s.execute(kind == DbKind.POSTGRES ? "analyze item" : "analyze table item");
            Map<String, Long> estimates = LiveRowEstimates.read(c, kind == DbKind.POSTGRES ? Dialect.POSTGRES : Dialect.MARIADB);
            assertEquals(300L, estimates.get("item"), estimates.toString());
            assertFalse(estimates.getOrDefault("empty_one", 0L) > 0, estimates.toString());
        }
    }
}
