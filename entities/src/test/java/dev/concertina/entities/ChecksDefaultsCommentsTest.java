package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks Hibernate derives (enums, converters, order columns, discriminators), user checks, defaults and comments. */
class ChecksDefaultsCommentsTest {

    @Test
    void stringEnumIsAnEnumEverywhere() {
        // PostgreSQL: Hibernate writes varchar + check (status in (…)); the normaliser folds it into the type.
        assertTrue(checks(Dialect.POSTGRES, "customer_orders").isEmpty(), checks(Dialect.POSTGRES, "customer_orders")::toString);
        assertEquals(List.of("CANCELLED", "CART", "DELIVERED", "PAID", "PLACED", "SHIPPED"),
                Models.column(Dialect.POSTGRES, "customer_orders", "status").type().enumValues());
        // Native ENUM on H2 and MariaDB: the values live in the type, no check.
        assertTrue(checks(Dialect.H2, "customer_orders").isEmpty(), checks(Dialect.H2, "customer_orders")::toString);
        assertTrue(checks(Dialect.MARIADB, "customer_orders").isEmpty(), checks(Dialect.MARIADB, "customer_orders")::toString);
        assertEquals(List.of("CANCELLED", "CART", "DELIVERED", "PAID", "PLACED", "SHIPPED"),
                Models.column(Dialect.MARIADB, "customer_orders", "status").type().enumValues());
    }

    @Test
    void ordinalEnumHasARangeCheckEverywhere() {
        for (Dialect d : List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB)) {
            assertTrue(hasCheck(d, "book_copies", "copyCondition between 0 and 3"), d + ": " + checks(d, "book_copies"));
            assertTrue(hasCheck(d, "leave_requests", "status between 0 and 3"), d + ": " + checks(d, "leave_requests"));
        }
    }

    @Test
    void derivedChecksOfConvertersDiscriminatorsAndOrderColumns() {
        for (Dialect d : List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB)) {
            // A VARCHAR with one unnamed IN-list check reads as ENUM on every dialect (Normalizer.table): the
            // discriminator everywhere, and the Y/N converter's column on MariaDB, where it is a varchar(1).
            assertTrue(d == Dialect.MARIADB ? Models.column(d, "coupons", "singleUse").type().enumValues().equals(List.of("N", "Y"))
                    : hasCheck(d, "coupons", "singleUse in ('N','Y')"), d + ": " + checks(d, "coupons"));
            assertEquals(List.of("DIGITAL", "PHYSICAL"), Models.column(d, "products", "kind").type().enumValues(), d + ": " + checks(d, "products"));
            assertTrue(checks(d, "products").isEmpty(), d + ": " + checks(d, "products"));
            assertTrue(hasCheck(d, "parcel_boxes", "box_index >= 0"), d + ": " + checks(d, "parcel_boxes"));
        }
    }

    @Test
    void userChecksKeepTheirNames() {
        CheckConstraint named = checks(Dialect.POSTGRES, "books").stream().filter(c -> c.name().equals("ck_books_pages")).findFirst().orElseThrow();
        assertEquals(Normalizer.forDialect(Dialect.POSTGRES).check("page_count > 0"), named.expression());
        assertEquals("CK_JOB_TITLES_BAND", checks(Dialect.H2, "job_titles").stream()
                .filter(c -> !c.name().isEmpty()).findFirst().orElseThrow().name());
        // An unnamed table check and a column check.
        assertTrue(checks(Dialect.POSTGRES, "order_lines").stream().anyMatch(c -> c.name().isEmpty()
                && c.expression().equals(Normalizer.forDialect(Dialect.POSTGRES).check("quantity > 0"))));
        assertTrue(hasCheck(Dialect.POSTGRES, "reviews", "stars between 1 and 5"));
    }

    @Test
    void defaultsFromColumnDefaultAndColumnDefinition() {
        assertEquals(Optional.of("'en'"), Models.column(Dialect.POSTGRES, "books", "language").defaultValue());
        assertEquals(Optional.of("0"), Models.column(Dialect.POSTGRES, "books", "copiesSold").defaultValue());
        // 0.00 on a numeric column is the number 0 (PostgreSQL shows 0.00, the normaliser compares values).
        assertEquals(Optional.of("0"), Models.column(Dialect.POSTGRES, "projects", "budget").defaultValue());
        assertEquals(Optional.of("'CART'"), Models.column(Dialect.H2, "customer_orders", "status").defaultValue());
        // columnDefinition = "varchar(30) default 'box' not null": default and NOT NULL reach the database.
        assertEquals(Optional.of("'box'"), Models.column(Dialect.MARIADB, "products", "packaging").defaultValue());
        assertEquals(false, Models.column(Dialect.MARIADB, "products", "packaging").nullable());
        assertEquals(Optional.empty(), Models.column(Dialect.POSTGRES, "books", "title").defaultValue());
        // Identity columns have no default (PostgreSQL's nextval belongs to the identity).
        assertEquals(Optional.empty(), Models.column(Dialect.POSTGRES, "books", "id").defaultValue());
        assertTrue(Models.column(Dialect.POSTGRES, "books", "id").identity());
        assertTrue(Models.column(Dialect.MARIADB, "books", "id").identity());
        assertEquals(false, Models.column(Dialect.POSTGRES, "author", "id").identity(), "sequence ids are not identity");
    }

    @Test
    void tableAndColumnComments() {
        assertEquals(Optional.of("Titles in the catalogue"), Models.table(Dialect.POSTGRES, "books").comment());
        assertEquals(Optional.of("ISO 639-1 language code"), Models.column(Dialect.MARIADB, "books", "language").comment());
        assertEquals(Optional.of("Name shown on the intranet"), Models.column(Dialect.H2, "offices", "name").comment());
        assertEquals(Optional.empty(), Models.table(Dialect.POSTGRES, "loans").comment());
    }

    private static boolean hasCheck(Dialect d, String table, String expression) {
        String canonical = Normalizer.forDialect(d).check(expression);
        return checks(d, table).stream().anyMatch(c -> c.expression().equals(canonical));
    }

    private static List<CheckConstraint> checks(Dialect d, String table) {
        Table t = Models.table(d, table);
        return t.checks();
    }
}
