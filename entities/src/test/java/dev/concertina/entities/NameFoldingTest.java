package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names are as the database stores them: unquoted ones folded per dialect, quoted ones kept. */
class NameFoldingTest {

    @Test
    void unquotedNamesFoldAsTheDatabaseFoldsThem() {
        assertEquals(List.of("ID", "BIRTHDATE", "EMAIL", "FULLNAME", "VERSION"), columns(Dialect.H2, "AUTHOR"));
        assertEquals(List.of("id", "birthdate", "email", "fullname", "version"), columns(Dialect.POSTGRES, "author"));
        // MariaDB keeps names as written, camelCase included.
        assertEquals(List.of("id", "birthDate", "email", "fullName", "version"), columns(Dialect.MARIADB, "Author"));
    }

    @Test
    void quotedNamesKeepTheirCaseEverywhere() {
        for (Dialect d : List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB)) {
            Table audit = Models.all(d).table("AuditEntry").orElseThrow(() -> new AssertionError(d + ": no AuditEntry"));
            List<String> names = audit.columns().stream().map(c -> c.name()).toList();
            assertTrue(names.contains("eventTime") && names.contains("Actor"), d + ": " + names);
            // The unquoted column next to them still folds.
            assertTrue(names.contains(d.foldUnquoted("details")), d + ": " + names);
        }
    }

    @Test
    void constraintAndReferenceNamesFoldToo() {
        Table h2 = Models.table(Dialect.H2, "books");
        assertTrue(h2.foreignKeys().stream().anyMatch(f -> f.name().equals("FK_BOOKS_AUTHOR") && f.referencedTable().equals("AUTHOR")
                && f.columns().equals(List.of("AUTHOR_ID")) && f.referencedColumns().equals(List.of("ID"))), h2.foreignKeys()::toString);
        assertTrue(h2.indexes().stream().anyMatch(i -> i.name().equals("IX_BOOKS_TITLE")), h2.indexes()::toString);
        Table pg = Models.table(Dialect.POSTGRES, "books");
        assertTrue(pg.foreignKeys().stream().anyMatch(f -> f.name().equals("fk_books_author") && f.referencedTable().equals("author")), pg.foreignKeys()::toString);
    }

    @Test
    void tablesAndSequencesAreSortedByName() {
        Schema s = Models.all(Dialect.POSTGRES);
        List<String> names = s.tables().stream().map(Table::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(s, s.sorted());
    }

    @Test
    void readingTwiceGivesEqualSchemas() {
        Schema again = new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(Fixtures.packages(Fixtures.LIBRARY, Fixtures.SHOP, Fixtures.HR));
        assertEquals(Models.all(Dialect.POSTGRES), again);
    }

    private static List<String> columns(Dialect d, String table) {
        return Models.all(d).table(table).orElseThrow().columns().stream().map(c -> c.name()).toList();
    }
}
