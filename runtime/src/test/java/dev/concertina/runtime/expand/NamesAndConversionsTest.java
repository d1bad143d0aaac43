package dev.concertina.runtime.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import java.nio.charset.StandardCharsets;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

class NamesAndConversionsTest {

    @Test
    void namesAreDeterministicPrefixedAndFitTheDialect() {
        assertEquals("concertina_sync_person_fullname_display_name",
                TriggerNames.sync(Dialect.POSTGRES, "person", "fullname", "display_name"));
        assertEquals("CONCERTINA_SYNC_PERSON_FULLNAME_DISPLAY_NAME",
                TriggerNames.sync(Dialect.H2, "PERSON", "FULLNAME", "DISPLAY_NAME"));
        assertEquals("concertina_guard_person_ins", TriggerNames.guard(Dialect.MARIADB, "person", "ins"));

        String longCol = "a_very_long_column_name_that_goes_on_and_on";
        String a = TriggerNames.sync(Dialect.POSTGRES, "customer_account", longCol, longCol + "_v2");
        String b = TriggerNames.sync(Dialect.POSTGRES, "customer_account", longCol, longCol + "_v3");
        assertEquals(63, a.length());
        assertNotEquals(a, b, "names cut to the same prefix differ by their hash");
        assertEquals(a, TriggerNames.sync(Dialect.POSTGRES, "customer_account", longCol, longCol + "_v2"));
        assertTrue(a.matches(".*_[0-9a-f]{8}"), a);
        assertTrue(OwnObjects.isOwnTrigger(a));
        String ins = TriggerNames.sync(Dialect.MARIADB, "customer_account", longCol, longCol + "_v2", "ins");
        String upd = TriggerNames.sync(Dialect.MARIADB, "customer_account", longCol, longCol + "_v2", "upd");
        assertEquals(64, ins.length());
        assertNotEquals(ins, upd);

        // PostgreSQL counts bytes: 2-byte letters must not push the name past 63 bytes.
        String umlaut = TriggerNames.sync(Dialect.POSTGRES, "tabelle", "größenangabe_überschrift_äöü", "größenangabe_überschrift_neu");
        assertTrue(umlaut.getBytes(StandardCharsets.UTF_8).length <= 63, umlaut);
    }

    @Test
    void templatesReplaceThePlaceholderOutsideQuotesOnly() {
        assertEquals("UPPER(NEW.\"a\")", Conversion.sql("UPPER({})").render(Dialect.POSTGRES, "NEW.\"a\""));
        assertEquals("CASE WHEN x = 'Y' THEN x ELSE '{}' END",
                Conversion.sql("CASE WHEN {} = 'Y' THEN {} ELSE '{}' END").render(Dialect.POSTGRES, "x"));
        assertEquals("'it''s {}' || x", Conversion.sql("'it''s {}' || {}").render(Dialect.POSTGRES, "x"));
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> Conversion.sql("'{}'::jsonb"));
        assertTrue(e.getMessage().contains("no {} placeholder"), e.getMessage());
        assertEquals("x", Conversion.identity().render(Dialect.H2, "x"));
    }

    @Test
    void castsAreRenderedPerDialect() {
        assertEquals("cast(NEW.`c` as signed)", Conversion.cast(SQLDataType.INTEGER).render(Dialect.MARIADB, "NEW.`c`"));
        assertEquals("cast(NEW.\"c\" as int)", Conversion.cast(SQLDataType.INTEGER).render(Dialect.POSTGRES, "NEW.\"c\""));
        assertTrue(Conversion.cast(SQLDataType.VARCHAR(20)).render(Dialect.MARIADB, "x").startsWith("cast(x as char"));
    }
}
