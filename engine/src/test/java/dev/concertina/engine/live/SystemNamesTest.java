package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.live.LiveDialect.Kind;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.runtime.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.ForeignKeyUpdateRule;

/** The per-dialect rules that recognise names the database generated itself. */
class SystemNamesTest {

    private static final List<String> COLS = List.of("title", "isbn");

    @Test
    void postgresGeneratedNamesAreTableColumnsSuffix() {
        LiveDialect pg = LiveDialect.of(Dialect.POSTGRES);
        assertEquals("", pg.userName(Kind.PRIMARY_KEY, "book", List.of("id"), "book_pkey", COLS));
        assertEquals("", pg.userName(Kind.UNIQUE, "book", COLS, "book_title_isbn_key", COLS));
        assertEquals("", pg.userName(Kind.UNIQUE, "book", COLS, "book_title_isbn_key1", COLS));
        assertEquals("", pg.userName(Kind.FOREIGN_KEY, "book", List.of("author_id"), "book_author_id_fkey", COLS));
        assertEquals("", pg.userName(Kind.CHECK, "book", List.of(), "book_price_check", COLS));
        assertEquals("", pg.userName(Kind.INDEX, "book", List.of("editor_id"), "book_editor_id_idx", COLS));
        assertEquals("uk_title", pg.userName(Kind.UNIQUE, "book", COLS, "uk_title", COLS));
        assertEquals("author_pkey", pg.userName(Kind.PRIMARY_KEY, "book", List.of("id"), "author_pkey", COLS), "another table's prefix is a user name");
        assertEquals("FKabc", pg.userName(Kind.FOREIGN_KEY, "book", List.of("a"), "FKabc", COLS));
        // 63-byte names may have lost their table part: only the suffix is checked.
        String cut = "a".repeat(58) + "_pkey";
        assertEquals("", pg.userName(Kind.PRIMARY_KEY, "b".repeat(70), List.of("id"), cut, COLS));
    }

    @Test
    void h2GeneratedNamesAreConstraintHex() {
        LiveDialect h2 = LiveDialect.of(Dialect.H2);
        assertEquals("", h2.userName(Kind.PRIMARY_KEY, "BOOK", List.of("ID"), "CONSTRAINT_8", COLS));
        assertEquals("", h2.userName(Kind.UNIQUE, "BOOK", COLS, "CONSTRAINT_8C", COLS));
        assertEquals("CONSTRAINT_X", h2.userName(Kind.CHECK, "BOOK", List.of(), "CONSTRAINT_X", COLS));
        assertEquals("UK_TITLE", h2.userName(Kind.UNIQUE, "BOOK", COLS, "UK_TITLE", COLS));
        // "create index on book (title)": H2 names it INDEX_<hex>; only an index's name, not a constraint's
        assertEquals("", h2.userName(Kind.INDEX, "BOOK", COLS, "INDEX_5", COLS));
        assertEquals("", h2.userName(Kind.INDEX, "BOOK", COLS, "INDEX_1A", COLS));
        assertEquals("INDEX_TITLE", h2.userName(Kind.INDEX, "BOOK", COLS, "INDEX_TITLE", COLS));
        assertEquals("INDEX_5", h2.userName(Kind.UNIQUE, "BOOK", COLS, "INDEX_5", COLS));
    }

    @Test
    void mariadbGeneratedNames() {
        LiveDialect my = LiveDialect.of(Dialect.MARIADB);
        assertEquals("", my.userName(Kind.PRIMARY_KEY, "book", List.of("id"), "PRIMARY", COLS));
        assertEquals("", my.userName(Kind.FOREIGN_KEY, "book", List.of("a"), "book_ibfk_2", COLS));
        assertEquals("other_ibfk_2", my.userName(Kind.FOREIGN_KEY, "book", List.of("a"), "other_ibfk_2", COLS));
        assertEquals("", my.userName(Kind.CHECK, "book", List.of(), "CONSTRAINT_1", COLS));
        assertEquals("", my.userName(Kind.CHECK, "book", List.of(), "isbn", COLS), "a column-level check is named after its column");
        assertEquals("", my.userName(Kind.UNIQUE, "book", COLS, "title", COLS));
        assertEquals("", my.userName(Kind.UNIQUE, "book", COLS, "title_2", COLS));
        assertEquals("uk_title", my.userName(Kind.UNIQUE, "book", COLS, "uk_title", COLS));
        assertEquals("title_x", my.userName(Kind.INDEX, "book", COLS, "title_x", COLS));
    }

    @Test
    void mariadbForeignKeyIndexes() {
        LiveDialect my = LiveDialect.of(Dialect.MARIADB);
        assertTrue(my.isForeignKeyIndex("FKabc", List.of("author_id"), "FKabc", List.of("author_id")));
        assertTrue(my.isForeignKeyIndex("author_id", List.of("author_id"), "book_ibfk_1", List.of("author_id")));
        assertFalse(my.isForeignKeyIndex("idx_author", List.of("author_id"), "FKabc", List.of("author_id")), "a user index the key reuses");
        assertFalse(my.isForeignKeyIndex("FKabc", List.of("author_id", "x"), "FKabc", List.of("author_id")));
        assertFalse(LiveDialect.of(Dialect.POSTGRES).isForeignKeyIndex("FKabc", List.of("a"), "FKabc", List.of("a")));
    }

    @Test
    void mariadbRestrictIsNoAction() {
        assertEquals(ReferentialAction.NO_ACTION, LiveDialect.of(Dialect.MARIADB).action(ForeignKeyUpdateRule.restrict));
        assertEquals(ReferentialAction.RESTRICT, LiveDialect.of(Dialect.POSTGRES).action(ForeignKeyUpdateRule.restrict));
        assertEquals(ReferentialAction.NO_ACTION, LiveDialect.of(Dialect.POSTGRES).action(ForeignKeyUpdateRule.noAction));
        assertEquals(ReferentialAction.SET_DEFAULT, LiveDialect.of(Dialect.H2).action(ForeignKeyUpdateRule.setDefault));
    }
}
