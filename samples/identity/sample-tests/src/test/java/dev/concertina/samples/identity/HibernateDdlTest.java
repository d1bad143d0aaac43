package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model version, on every database: Hibernate's own DDL for that dialect applies to an empty
 * database, what it leaves there reads back as exactly the schema the entity reader describes
 * (the bar of docs/architecture.md, "The pipeline", held on a realistic model), and the application works on it
 * ({@link ApplicationScenario}).
 */
class HibernateDdlTest {

    static Stream<Arguments> versionsAndDatabases() {
        return Stream.of(ModelVersion.values())
                .flatMap(v -> Stream.of(DbKind.values()).map(k -> Arguments.of(v, k)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndDatabases")
    void hibernateDdlAppliesReadsBackAndRunsTheApplication(ModelVersion version, DbKind kind) throws Exception {
        Dialect dialect = ModelVersion.dialect(kind);
        List<String> ddl = version.hibernateDdl(dialect);
        assertFalse(ddl.isEmpty(), "Hibernate wrote no DDL for " + version);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            version.createSchema(db);
            Schema live = LiveSchemaReader.read(c, dialect, db.schema());
            Schema entities = version.schema(dialect);
            assertEquals(names(entities), names(live), "tables created");
            assertEquals(List.of(), SchemaDifferences.between(entities, live),
                    "entity schema (expected) against what Hibernate's DDL built (found)");
            ApplicationScenario.run(version, db);
        }
    }

    private static List<String> names(Schema s) {
        return s.tables().stream().map(Table::name).sorted().toList();
    }
}
