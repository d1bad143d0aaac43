package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequences Hibernate creates (or emulates), and the origin every element remembers. */
class SequenceAndOriginTest {

    private static final String LIB = "dev.concertina.entities.fixtures.library.";

    @Test
    void defaultSequenceIsTableSeqWithIncrement50() {
        Sequence author = sequence(Dialect.POSTGRES, "author_seq");
        assertEquals(1, author.start());
        assertEquals(50, author.increment());
        assertEquals(Origin.attribute(LIB + "Author", "id"), author.origin());
        assertEquals(50, sequence(Dialect.H2, "AUTHOR_SEQ").increment());
        assertEquals(50, sequence(Dialect.MARIADB, "Author_SEQ").increment(), "MariaDB 10.3+ has real sequences");
    }

    @Test
    void explicitSequenceGenerator() {
        Sequence s = sequence(Dialect.POSTGRES, "reservation_seq");
        assertEquals(1000, s.start());
        assertEquals(10, s.increment());
        assertEquals(Origin.attribute(LIB + "Reservation", "id"), s.origin());
    }

    @Test
    void mySqlEmulatesSequencesWithATable() {
        Schema mysql = new EntitySchemaReader(TargetDatabase.of(Dialect.MYSQL)).read(Fixtures.packages(Fixtures.LIBRARY));
        assertTrue(mysql.sequences().isEmpty(), mysql.sequences()::toString);
        Table seq = mysql.table("Author_SEQ").orElseThrow(() -> new AssertionError(mysql.tables().stream().map(Table::name).toList()));
        assertEquals(List.of("next_val"), seq.columns().stream().map(c -> c.name()).toList());
        assertEquals("BIGINT", seq.columns().get(0).type().describe());
    }

    @Test
    void originsNameClassAndAttribute() {
        Table books = Models.table(Dialect.POSTGRES, "books");
        assertEquals(Origin.entity(LIB + "Book"), books.origin());
        assertEquals(Origin.attribute(LIB + "Book", "title"), books.column("title").orElseThrow().origin());
        assertEquals(Origin.attribute(LIB + "Book", "author"), books.foreignKeys().stream()
                .filter(f -> f.columns().equals(List.of("author_id"))).findFirst().orElseThrow().origin());
        assertEquals("dev.concertina.entities.fixtures.library.Book#author", Origin.attribute(LIB + "Book", "author").toString());
        // Embedded attributes get a path; collection tables belong to the collection attribute.
        assertEquals(Origin.attribute(LIB + "Publisher", "headOffice.street"),
                Models.column(Dialect.POSTGRES, "publishers", "head_office_street").origin());
        assertEquals(Origin.attribute(LIB + "Book", "keywords"), Models.table(Dialect.POSTGRES, "book_keywords").origin());
        // A SINGLE_TABLE table belongs to the root; a subclass attribute to the subclass.
        assertEquals(Origin.entity("dev.concertina.entities.fixtures.shop.Product"), Models.table(Dialect.POSTGRES, "products").origin());
        assertEquals(Origin.attribute("dev.concertina.entities.fixtures.shop.DigitalProduct", "downloadUrl"),
                Models.column(Dialect.POSTGRES, "products", "downloadUrl").origin());
        // A @MappedSuperclass attribute belongs to the entity that inherits it.
        assertEquals(Origin.attribute("dev.concertina.entities.fixtures.hr.Department", "createdAt"),
                Models.column(Dialect.POSTGRES, "departments", "createdAt").origin());
        // TABLE_PER_CLASS: the inherited column belongs to the concrete class's table.
        assertEquals(Origin.attribute("dev.concertina.entities.fixtures.shop.FreightShipment", "trackingCode"),
                Models.column(Dialect.POSTGRES, "freight_shipments", "trackingCode").origin());
    }

    private static Sequence sequence(Dialect d, String name) {
        Schema s = Models.all(d);
        return s.sequences().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(d + ": no sequence " + name + " in " + s.sequences()));
    }
}
