package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An entity Hibernate cannot map fails with one line naming the class and, where there is one, the attribute. */
class UnmappableEntityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unboundtype      | dev.concertina.entities.broken.unboundtype.Thermometer#reading: ",
            "notanentity      | dev.concertina.entities.broken.notanentity.Invoice#customer: ",
            "noid             | dev.concertina.entities.broken.noid.Note: ",
            "badmappedby      | dev.concertina.entities.broken.badmappedby.Team#players: ",
            "duplicatecolumn  | dev.concertina.entities.broken.duplicatecolumn.Sensor#alias: ",
            "otherschema      | dev.concertina.entities.broken.otherschema.Ledger: \"ledger\" is mapped to schema \"accounting\"",
    })
    void failsNamingClassAndAttribute(String pkg, String expectedStart) {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> new EntitySchemaReader(TargetDatabase.of(Dialect.POSTGRES))
                .read(Fixtures.packages("dev.concertina.entities.broken." + pkg)));
        assertEquals(ErrorCode.MODEL, e.code());
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() > expectedStart.length() + 10, "says what is wrong: " + e.getMessage());
    }
}
