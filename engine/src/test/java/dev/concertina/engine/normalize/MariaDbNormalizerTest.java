package dev.concertina.engine.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MariaDbNormalizerTest {

    private final Normalizer my = Normalizer.forDialect(Dialect.MARIADB);

    private void sameType(String a, String b) {
        ColumnType x = my.type(a);
        ColumnType y = my.type(b);
        assertTrue(x.sameAs(y), a + " = " + x + " vs " + b + " = " + y);
    }

    @Test
    void booleanIsTinyintOneOrBit() {
        assertEquals(TypeKind.BOOLEAN, my.type("tinyint(1)").kind());
        assertEquals(TypeKind.BOOLEAN, my.type("bit(1)").kind());
        assertEquals(TypeKind.BOOLEAN, my.type("bit").kind());
        assertEquals(TypeKind.BOOLEAN, my.type("boolean").kind());
        assertEquals(TypeKind.TINYINT, my.type("tinyint(4)").kind());
        assertEquals(TypeKind.TINYINT, my.type("tinyint").kind());
        assertEquals(TypeKind.UNSUPPORTED, my.type("bit(8)").kind());
    }

    @Test
    void displayWidthsDroppedUnsignedKept() {
        sameType("int(11)", "integer");
        sameType("bigint(20)", "bigint");
        assertEquals(TypeKind.INTEGER, my.type("int(10) unsigned").kind());
        assertEquals(List.of("unsigned"), my.type("int(10) unsigned").modifiers());
        assertEquals("INTEGER UNSIGNED", my.type("int(10) unsigned").describe());
        assertEquals("int(10) unsigned", my.type("int(10) unsigned").raw());
        assertTrue(my.type("int unsigned").sameAs(my.type("int(10) unsigned")));
        assertTrue(!my.type("int(10) unsigned").sameAs(my.type("int(11)")));
        assertTrue(!my.type("int(10) unsigned").sameAs(my.type("bigint(20) unsigned")));
        // tinyint(1) is BOOLEAN, but an unsigned one is a small number
        assertEquals(TypeKind.TINYINT, my.type("tinyint(1) unsigned").kind());
        assertEquals(List.of("unsigned", "zerofill"), my.type("decimal(10,2) unsigned zerofill").modifiers());
        assertEquals(TypeKind.DECIMAL, my.type("decimal(10,2) unsigned zerofill").kind());
    }

    @Test
    void floatsAndDecimals() {
        assertEquals(TypeKind.REAL, my.type("float").kind());
        assertEquals(TypeKind.DOUBLE, my.type("float(53)").kind());
        assertEquals(TypeKind.DOUBLE, my.type("double").kind());
        assertEquals(TypeKind.DOUBLE, my.type("real").kind());
        sameType("decimal", "decimal(10,0)");
        sameType("decimal(5)", "decimal(5,0)");
    }

    @Test
    void temporalAndText() {
        sameType("datetime", "datetime(0)");
        assertEquals("TIMESTAMP(6)", my.type("datetime(6)").describe());
        assertEquals(TypeKind.TIMESTAMP_WITH_TIME_ZONE, my.type("timestamp(6)").kind());
        assertEquals(TypeKind.CLOB, my.type("longtext").kind());
        assertEquals(TypeKind.BLOB, my.type("longblob").kind());
        assertEquals("VARBINARY(16)", my.type("varbinary(16)").describe());
        assertEquals(TypeKind.UUID, my.type("uuid").kind());
    }

    @Test
    void enumValues() {
        ColumnType e = my.type("enum('A','B')");
        assertEquals(List.of("A", "B"), e.enumValues());
        assertTrue(e.sameAs(Normalizer.forDialect(Dialect.H2).type("ENUM('A', 'B')")));
        // Hibernate writes a space before the list.
        assertTrue(e.sameAs(my.type("enum ('A','B')")));
    }

    @Test
    void defaultsAsMariaDbShowsThem() {
        assertEquals(Optional.empty(), my.defaultValue("NULL", my.type("varchar(10)")));
        assertEquals(Optional.of("'abc'"), my.defaultValue("'abc'", my.type("varchar(10)")));
        assertEquals(Optional.of("'it''s'"), my.defaultValue("'it\\'s'", my.type("varchar(10)")));
        assertEquals(Optional.of("current_timestamp"), my.defaultValue("current_timestamp()", my.type("datetime(6)")));
        assertEquals(Optional.of("current_timestamp(6)"), my.defaultValue("current_timestamp(6)", my.type("datetime(6)")));
        assertEquals(Optional.of("true"), my.defaultValue("1", my.type("tinyint(1)")));
        assertEquals(Optional.of("false"), my.defaultValue("b'0'", my.type("bit(1)")));
        assertEquals(Optional.of("0"), my.defaultValue("0.00", my.type("decimal(10,2)")));
        assertEquals(Optional.of("12.5"), my.defaultValue("12.50", my.type("decimal(10,2)")));
    }

    @Test
    void checksInMariaDbRendering() {
        assertEquals("status in ('A', 'B')", my.check("`status` in ('A','B')"));
        assertEquals(my.check("kind between 0 and 2"), my.check("`kind` between 0 and 2"));
        assertEquals("price > 0", my.check("`price` > 0"));
        assertEquals(my.check("a <> 1"), my.check("`a` != 1"));
        assertEquals("status in ('A')", Normalizer.forDialect(Dialect.MYSQL).check("(`status` in (_utf8mb4'A'))"));
    }
}
