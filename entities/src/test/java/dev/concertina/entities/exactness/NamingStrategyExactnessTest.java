package dev.concertina.entities.exactness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.Fixtures;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.entities.fixtures.naming.SnakeCaseNamingStrategy;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exactness bar for entities read with a custom physical naming strategy. */
class NamingStrategyExactnessTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void snakeCaseNamesAgree(DbKind kind) throws SQLException {
        var source = Fixtures.packages("dev.concertina.entities.fixtures.naming")
                .withSettings(Map.of("hibernate.physical_naming_strategy", SnakeCaseNamingStrategy.class.getName()));
        Dialect dialect = Fixtures.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            TargetDatabase target = TargetDatabase.of(dialect, c.getMetaData().getDatabaseProductVersion());
            try (Statement s = c.createStatement()) {
                for (String sql : EntityDdl.createScript(source, target)) {
                    s.execute(sql);
                }
            }
            Schema live = LiveSchemaReader.read(c, dialect, db.schema());
            Schema entities = new EntitySchemaReader(target).read(source);
            assertEquals(2, entities.tables().size());
            assertEquals(List.of(), SchemaDifferences.between(entities, live));
        }
    }
}
