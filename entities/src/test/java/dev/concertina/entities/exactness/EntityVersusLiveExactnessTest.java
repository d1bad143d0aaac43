package dev.concertina.entities.exactness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.entities.EntityDdl;
import dev.concertina.entities.EntitySchemaReader;
import dev.concertina.entities.EntitySource;
import dev.concertina.entities.Fixtures;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exactness bar (docs/architecture.md, "The pipeline"): the fixture entities → Hibernate's own DDL for the dialect,
 * applied to an empty real database → the live reader → compared with the entity reader's schema
 * for the same dialect and server version = no differences at all.
 */
class EntityVersusLiveExactnessTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void entityModelEqualsTheDatabaseHibernatesDdlBuilds(DbKind kind) throws SQLException {
        EntitySource fixtures = Fixtures.packages(Fixtures.LIBRARY, Fixtures.SHOP, Fixtures.HR);
        Dialect dialect = Fixtures.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Schema live;
            TargetDatabase target;
            try (Connection c = db.connect()) {
                // The server's own version, as the CLI would take it from the connection.
                target = TargetDatabase.of(dialect, c.getMetaData().getDatabaseProductVersion());
                List<String> ddl = EntityDdl.createScript(fixtures, target);
                try (Statement s = c.createStatement()) {
                    for (String sql : ddl) {
                        try {
                            s.execute(sql);
                        } catch (SQLException e) {
                            throw new AssertionError(kind + ": Hibernate's DDL fails: " + sql + " → " + e.getMessage(), e);
                        }
                    }
                }
                live = LiveSchemaReader.read(c, dialect, db.schema());
            }
            Schema entities = new EntitySchemaReader(target).read(fixtures);
            assertTrue(entities.tables().size() >= 40, "fixture tables: " + entities.tables().size());
            List<String> differences = SchemaDifferences.between(entities, live);
            assertEquals(List.of(), differences, kind + " (" + target.effectiveVersion() + "): "
                    + differences.size() + " differences:\n  " + String.join("\n  ", differences));

            // The comparison is not vacuous: one change in the database is exactly one difference.
            db.execute("alter table books drop constraint ck_books_pages");
            Schema changed;
            try (Connection c = db.connect()) {
                changed = LiveSchemaReader.read(c, dialect, db.schema());
            }
            List<String> one = SchemaDifferences.between(entities, changed);
            assertEquals(1, one.size(), one::toString);
            assertTrue(one.get(0).toLowerCase(java.util.Locale.ROOT).contains("ck_books_pages"), one::toString);
        }
    }
}
