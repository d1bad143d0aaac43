package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.runtime.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Java attribute types → the neutral type the database will report for Hibernate's DDL, per dialect.
 * Each row is one mapping rule: table, column, then the expected type on H2, PostgreSQL and MariaDB.
 */
class TypeMappingTest {

    @ParameterizedTest(name = "{0}.{1}: h2 {2}, postgres {3}, mariadb {4}")
    @CsvSource(delimiter = '|', value = {
            // String length, the default 255, BigDecimal precision/scale
            "books            | title             | VARCHAR(200)                | VARCHAR(200)                 | VARCHAR(200)",
            "customers        | displayName       | VARCHAR(100)                | VARCHAR(100)                 | VARCHAR(100)",
            "books            | price             | DECIMAL(10,2)               | DECIMAL(10,2)                | DECIMAL(10,2)",
            // integers and floating point
            "books            | copiesSold        | INTEGER                     | INTEGER                      | INTEGER",
            "warehouses       | docks             | SMALLINT                    | SMALLINT                     | SMALLINT",
            "digitalproduct_  | fileSizeBytes     | BIGINT                      | BIGINT                       | BIGINT",
            "parcel_shipments | weightKg          | DOUBLE                      | DOUBLE                       | DOUBLE",
            "freight_shipments| volumeCubicMetres | REAL                        | REAL                         | REAL",
            // boolean: H2/PostgreSQL boolean, MariaDB bit(1)
            "library_cards    | blocked           | BOOLEAN                     | BOOLEAN                      | BOOLEAN",
            // java.time: Instant / OffsetDateTime keep the zone where the database has the type
            "members          | joinedAt          | TIMESTAMP_WITH_TIME_ZONE(6) | TIMESTAMP_WITH_TIME_ZONE(6)  | TIMESTAMP(6)",
            "reviews          | postedAt          | TIMESTAMP_WITH_TIME_ZONE(6) | TIMESTAMP_WITH_TIME_ZONE(6)  | TIMESTAMP(6)",
            "book_copies      | acquiredAt        | TIMESTAMP(6)                | TIMESTAMP(6)                 | TIMESTAMP(6)",
            "Branch           | opensAt           | TIME(0)                     | TIME(0)                      | TIME(0)",
            "loans            | loanedOn          | DATE                        | DATE                         | DATE",
            "customers        | publicId          | UUID                        | UUID                         | UUID",
            // @Lob String: clob / oid / longtext; @Lob byte[]: blob / oid / longblob; byte[] with a length
            "books            | summary           | CLOB                        | LARGE_OBJECT                 | CLOB",
            "product_images   | content           | BLOB                        | LARGE_OBJECT                 | BLOB",
            "product_images   | checksum          | VARBINARY(32)               | BLOB                         | VARBINARY(32)",
            // @Enumerated(STRING): native enum on H2/MariaDB (values sorted by Hibernate); on PostgreSQL a
            // varchar(16) with a check on the values, folded into the same ENUM by the normaliser
            "books            | format            | ENUM('AUDIO','EBOOK','HARDCOVER','PAPERBACK') | ENUM('AUDIO','EBOOK','HARDCOVER','PAPERBACK') | ENUM('AUDIO','EBOOK','HARDCOVER','PAPERBACK')",
            // @Enumerated(ORDINAL): the smallest integer type the dialect has
            "book_copies      | copyCondition     | TINYINT                     | SMALLINT                     | TINYINT",
            // @Convert: the converter's database type (YesNoConverter: char(1); MariaDB writes varchar(1),
            // whose one IN-list check folds it into ENUM like any such varchar)
            "coupons          | singleUse         | CHAR(1)                     | CHAR(1)                      | ENUM('N','Y')",
            "timesheet_entries| worked_minutes    | INTEGER                     | INTEGER                      | INTEGER",
            "books            | isbn              | VARCHAR(20)                 | VARCHAR(20)                  | VARCHAR(20)",
            // columnDefinition: the written type wins
            "publishers       | country           | CHAR(2)                     | CHAR(2)                      | CHAR(2)",
            "products         | packaging         | VARCHAR(30)                 | VARCHAR(30)                  | VARCHAR(30)",
    })
    void mapsPerDialect(String table, String column, String h2, String postgres, String mariadb) {
        String t = table.equals("digitalproduct_") ? "products" : table;
        assertEquals(h2, describe(Dialect.H2, t, column), "h2");
        assertEquals(postgres, describe(Dialect.POSTGRES, t, column), "postgres");
        assertEquals(mariadb, describe(Dialect.MARIADB, t, column), "mariadb");
    }

    @org.junit.jupiter.api.Test
    void largeObjectsKnowWhatTheyHoldOnPostgres() {
        // The database cannot tell (both are oid); codegen needs it for H2 and MariaDB.
        assertEquals(java.util.Optional.of(dev.concertina.engine.model.TypeKind.CLOB),
                Models.column(Dialect.POSTGRES, "books", "summary").type().content());
        assertEquals(java.util.Optional.of(dev.concertina.engine.model.TypeKind.BLOB),
                Models.column(Dialect.POSTGRES, "product_images", "content").type().content());
    }

    private static String describe(Dialect d, String table, String column) {
        ColumnType type = Models.column(d, table, column).type();
        return type.describe();
    }
}
