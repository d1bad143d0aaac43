package dev.concertina.entities;

import static dev.concertina.engine.model.DeclaredAttribute.COLUMN_DEFINITION;
import static dev.concertina.engine.model.DeclaredAttribute.LENGTH;
import static dev.concertina.engine.model.DeclaredAttribute.NULLABLE;
import static dev.concertina.engine.model.DeclaredAttribute.PRECISION;
import static dev.concertina.engine.model.DeclaredAttribute.SCALE;
import static dev.concertina.engine.model.DeclaredAttribute.UNIQUE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.runtime.Dialect;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The entity reader records which mapping attributes each column's entity attribute writes, read
 * from the class files (reflection would report JPA's defaults as if written): the differ keeps what
 * the database has and the entities leave at their defaults (docs/planner.md).
 */
class DeclaredAttributesTest {

    private static Set<DeclaredAttribute> declared(String table, String column) {
        return Models.column(Dialect.POSTGRES, table, column).origin().declared();
    }

    @Test
    void writtenAttributesOfColumnAnnotationsAreRecorded() {
        assertEquals(Set.of(NULLABLE, LENGTH), declared("books", "title"), "@Column(nullable = false, length = 200)");
        assertEquals(Set.of(LENGTH, UNIQUE), declared("books", "isbn"), "@Column(length = 20, unique = true)");
        assertEquals(Set.of(PRECISION, SCALE), declared("books", "price"), "@Column(precision = 10, scale = 2)");
        assertEquals(Set.of(LENGTH), declared("books", "language"), "@Column(length = 5) beside @ColumnDefault");
    }

    @Test
    void attributesLeftAtTheirDefaultsAreNot() {
        assertEquals(Set.of(), declared("books", "page_count"), "@Column(name = …) only");
        assertEquals(Set.of(), declared("books", "summary"), "@Lob, no @Column");
        assertEquals(Set.of(), declared("books", "publisher_id"), "@ManyToOne with a @JoinColumn naming it only");
    }

    @Test
    void optionalOfAnAssociationWritesNullable() {
        assertEquals(Set.of(NULLABLE), declared("books", "author_id"), "@ManyToOne(optional = false)");
    }

    @Test
    void embeddedAttributesAreFollowedIntoTheirClass() {
        assertEquals(Set.of(LENGTH, NULLABLE), declared("publishers", "city"), "Address.city");
        assertEquals(Set.of(LENGTH, COLUMN_DEFINITION), declared("publishers", "country"), "Address.country");
    }

    @Test
    void aDatabaseLikeOriginDeclaresNothing() {
        assertEquals(false, dev.concertina.engine.model.Origin.DATABASE.fromEntity());
        assertEquals(dev.concertina.engine.model.Origin.attribute("a.B", "c"),
                dev.concertina.engine.model.Origin.attribute("a.B", "c").withDeclared(Set.of(LENGTH)),
                "what was written does not change which place an origin names");
    }
}
