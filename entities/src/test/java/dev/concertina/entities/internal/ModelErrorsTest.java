package dev.concertina.entities.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the class and attribute in Hibernate's messages. */
class ModelErrorsTest {

    static class Shelf {
        Slot slot;
        List<Slot> spares;

        static class Slot {}
    }

    static class Other {}

    private static final List<Class<?>> MODEL = List.of(Shelf.class, Other.class);

    @Test
    void quotedClassDotAttribute() {
        assertEquals(Optional.of(Shelf.class.getName() + "#slot"),
                ModelErrors.place("Property '" + Shelf.class.getName() + ".slot' has an unbound type", MODEL));
    }

    @Test
    void classOnly() {
        assertEquals(Optional.of(Other.class.getName()),
                ModelErrors.place("Entity '" + Other.class.getName() + "' has no identifier", MODEL));
    }

    @Test
    void javaTypeLeadsToTheAttributeOfThatType() {
        assertEquals(Optional.of(Shelf.class.getName() + "#slot"),
                ModelErrors.place("Could not determine recommended JdbcType for Java type '" + Shelf.Slot.class.getName() + "'", MODEL));
    }

    @Test
    void nothingRecognisableStillGivesOneLine() {
        ConcertinaException e = ModelErrors.describe(new IllegalStateException("first line\n  second line"), MODEL);
        assertEquals(ErrorCode.MODEL, e.code());
        assertEquals("entity model: first line second line", e.getMessage());
    }

    @Test
    void innermostPlaceWins() {
        RuntimeException inner = new RuntimeException("Association '" + Shelf.class.getName() + ".spares' is broken");
        RuntimeException outer = new RuntimeException("Could not build metadata", inner);
        assertEquals(Shelf.class.getName() + "#spares: Association '" + Shelf.class.getName() + ".spares' is broken",
                ModelErrors.describe(outer, MODEL).getMessage());
    }
}
