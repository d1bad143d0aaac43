package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys and constraints as Hibernate's DDL creates them. */
class ConstraintMappingTest {

    @Test
    void primaryKeysAreUnnamedBecauseHibernateNamesNoneInItsDdl() {
        for (Dialect d : List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB)) {
            for (Table t : Models.all(d).tables()) {
                t.primaryKey().ifPresent(pk -> assertEquals("", pk.name(), d + " " + t.name()));
            }
        }
        assertEquals(List.of("book_id", "genre_code"), Models.table(Dialect.POSTGRES, "book_genres").primaryKey().orElseThrow().columns());
        assertEquals(List.of("product_id", "warehouse_code"), Models.table(Dialect.POSTGRES, "stock_items").primaryKey().orElseThrow().columns());
        // A bag (List without order column) has no key at all.
        assertEquals(Optional.empty(), Models.table(Dialect.POSTGRES, "suppliers_products").primaryKey());
    }

    @Test
    void columnUniqueIsInlineAndUnnamedOnH2AndPostgresButNamedOnMariaDb() {
        assertEquals(List.of(new UniqueConstraint("", List.of("email"), unique(Dialect.POSTGRES, "author", "email").origin())),
                List.of(unique(Dialect.POSTGRES, "author", "email")));
        assertEquals("", unique(Dialect.H2, "author", "email").name());
        // MariaDB gets "alter table … add constraint UK<hash> unique (…)".
        assertTrue(unique(Dialect.MARIADB, "Author", "email").name().startsWith("UK"), unique(Dialect.MARIADB, "Author", "email")::toString);
    }

    @Test
    void indexUniqueTrueIsANamedUniqueKeyNotAnIndex() {
        Table t = Models.table(Dialect.POSTGRES, "book_copies");
        assertEquals("ux_copies_barcode", unique(Dialect.POSTGRES, "book_copies", "barcode").name());
        assertTrue(t.indexes().isEmpty(), t.indexes()::toString);
    }

    @Test
    void namedAndUnnamedUniqueConstraints() {
        UniqueConstraint named = Models.table(Dialect.H2, "books").uniques().stream()
                .filter(u -> u.columns().equals(List.of("SERIES_ID", "SERIES_NUMBER"))).findFirst().orElseThrow();
        assertEquals("UK_BOOKS_SERIES_POSITION", named.name());
        UniqueConstraint unnamed = Models.table(Dialect.POSTGRES, "order_lines").uniques().stream()
                .filter(u -> u.columns().equals(List.of("order_id", "line_number"))).findFirst().orElseThrow();
        assertEquals("", unnamed.name(), "PostgreSQL: unique (…) without constraint name");
        UniqueConstraint mariaDb = Models.table(Dialect.MARIADB, "order_lines").uniques().stream()
                .filter(u -> u.columns().equals(List.of("order_id", "line_number"))).findFirst().orElseThrow();
        assertTrue(mariaDb.name().startsWith("UK"), "MariaDB: alter table add constraint UK…: " + mariaDb);
    }

    @Test
    void indexesKeepColumnOrder() {
        Table t = Models.table(Dialect.POSTGRES, "employees");
        assertTrue(t.indexes().stream().anyMatch(i -> i.name().equals("ix_employees_name") && !i.unique()
                && i.columns().equals(List.of("last_name", "first_name"))), t.indexes()::toString);
    }

    @Test
    void foreignKeysWithNamesTargetsAndActions() {
        ForeignKey cascade = fk(Dialect.POSTGRES, "loans", "copy_id");
        assertEquals(ReferentialAction.CASCADE, cascade.onDelete());
        assertEquals("book_copies", cascade.referencedTable());
        assertTrue(cascade.name().startsWith("fk"), "Hibernate's generated FK… name, folded: " + cascade.name());
        assertEquals(ReferentialAction.SET_NULL, fk(Dialect.POSTGRES, "emergency_contacts", "employee_id").onDelete());
        assertEquals(ReferentialAction.NO_ACTION, fk(Dialect.POSTGRES, "books", "author_id").onDelete());
        ForeignKey composite = fk(Dialect.POSTGRES, "stock_movements", "item_product");
        assertEquals(List.of("item_product", "item_warehouse"), composite.columns());
        assertEquals(List.of("product_id", "warehouse_code"), composite.referencedColumns());
        // @ForeignKey(NO_CONSTRAINT): the join column without a constraint.
        assertTrue(Models.table(Dialect.POSTGRES, "loans").column("branch_id").isPresent());
        assertTrue(Models.table(Dialect.POSTGRES, "loans").foreignKeys().stream().noneMatch(f -> f.columns().contains("branch_id")));
        // JOINED: the subclass key references the root's key.
        ForeignKey joined = fk(Dialect.POSTGRES, "card_payments", "payment_id");
        assertEquals("payments", joined.referencedTable());
    }

    @Test
    void inheritanceStrategiesMakeTheirTables() {
        List<String> pg = Models.all(Dialect.POSTGRES).tables().stream().map(Table::name).toList();
        // SINGLE_TABLE: one table with the discriminator; subclass columns nullable (unless columnDefinition says otherwise).
        // Its values check folds into ENUM (every normaliser reads a VARCHAR with one unnamed IN-list check so).
        for (Dialect d : List.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB)) {
            assertEquals("ENUM('DIGITAL','PHYSICAL')", Models.column(d, "products", "kind").type().describe(), d::toString);
            assertTrue(Models.table(d, "products").checks().isEmpty(), d::toString);
        }
        assertTrue(Models.column(Dialect.POSTGRES, "products", "downloadUrl").nullable());
        assertFalse(pg.contains("digitalproduct") || pg.contains("physicalproduct"), pg::toString);
        // JOINED: a table per class; TABLE_PER_CLASS: a table per concrete class, none for the abstract root.
        assertTrue(pg.containsAll(List.of("payments", "card_payments", "bank_transfers", "parcel_shipments", "freight_shipments")), pg::toString);
        assertFalse(pg.contains("shipment"), pg::toString);
        assertTrue(Models.table(Dialect.POSTGRES, "freight_shipments").column("trackingcode").isPresent(), "inherited column repeated");
    }

    @Test
    void secondaryTableAndMappedSuperclass() {
        Table prefs = Models.table(Dialect.POSTGRES, "customer_preferences");
        assertEquals(List.of("customer_id"), prefs.primaryKey().orElseThrow().columns());
        assertTrue(Models.table(Dialect.POSTGRES, "departments").column("createdat").isPresent(), "@MappedSuperclass columns");
        assertFalse(Models.column(Dialect.POSTGRES, "departments", "createdAt").nullable());
    }

    @Test
    void sharedPrimaryKeyAndMapCollection() {
        Table profile = Models.table(Dialect.POSTGRES, "employee_profiles");
        assertEquals(List.of("employee_id"), profile.primaryKey().orElseThrow().columns());
        assertEquals("employees", fk(Dialect.POSTGRES, "employee_profiles", "employee_id").referencedTable());
        Table labels = Models.table(Dialect.POSTGRES, "project_labels");
        assertEquals(List.of("project_id", "label_key"), labels.primaryKey().orElseThrow().columns());
        assertEquals("VARCHAR(40)", labels.column("label_key").orElseThrow().type().describe());
    }

    private static UniqueConstraint unique(Dialect d, String table, String column) {
        Table t = Models.table(d, table);
        String c = d.foldUnquoted(column);
        return t.uniques().stream().filter(u -> u.columns().equals(List.of(c))).findFirst()
                .orElseThrow(() -> new AssertionError(d + " " + table + ": no unique on " + c + " in " + t.uniques()));
    }

    private static ForeignKey fk(Dialect d, String table, String firstColumn) {
        Table t = Models.table(d, table);
        return t.foreignKeys().stream().filter(f -> f.columns().get(0).equals(d.foldUnquoted(firstColumn))).findFirst()
                .orElseThrow(() -> new AssertionError(table + ": no FK on " + firstColumn + " in " + t.foreignKeys()));
    }
}
