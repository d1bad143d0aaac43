package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hand-written schema per database with every object and type of issue 12 item 2
 * ({@code /live/<kind>-objects.sql}): read twice (the same model), against the expected model
 * ({@link ObjectFixtureModels}), every column's details and every table's dependents exactly,
 * and what the model cannot hold named in the notes.
 */
class EveryObjectReadTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void everyObjectIsReadOrNamedAsNotRead(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Fixtures.load(db, "/live/" + kind.label() + "-objects.sql");
            try (Connection c = db.connect()) {
                Schema first = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());
                Schema second = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());
                assertEquals(first, second, "read twice: identical values");

                Schema expected = ObjectFixtureModels.expected(kind);
                assertEquals(List.of(), SchemaDifferences.between(expected, first), "expected model vs read");
                for (Table e : expected.tables()) {
                    Table a = first.table(e.name()).orElseThrow();
                    for (Column ec : e.columns()) {
                        assertEquals(ec.details(), a.column(ec.name()).orElseThrow().details(), e.name() + "." + ec.name());
                        assertEquals(ec.type().modifiers(), a.column(ec.name()).orElseThrow().type().modifiers(),
                                e.name() + "." + ec.name());
                    }
                    assertEquals(e.dependents(), a.dependents(), "dependents of " + e.name());
                }
                assertEquals(expected.notes(), first.notes());
                assertEquals(List.of(), Differ.diff(first, second, DiffOptions.DEFAULTS), "diff of the schema with itself");
            }
        }
    }
}
