package dev.concertina.engine.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H2NormalizerTest {

    private final Normalizer h2 = Normalizer.forDialect(Dialect.H2);

    private void sameType(String a, String b) {
        ColumnType x = h2.type(a);
        ColumnType y = h2.type(b);
        assertTrue(x.sameAs(y), a + " = " + x + " vs " + b + " = " + y);
    }

    @Test
    void standardSpelledOutNames() {
        sameType("CHARACTER VARYING(100)", "varchar(100)");
        sameType("CHARACTER LARGE OBJECT", "clob");
        sameType("BINARY LARGE OBJECT", "blob");
        sameType("BINARY VARYING(16)", "varbinary(16)");
        sameType("DOUBLE PRECISION", "float(53)");
        sameType("DOUBLE PRECISION", "float");
        sameType("REAL", "float(24)");
        sameType("NUMERIC(19, 2)", "decimal(19,2)");
        assertEquals(TypeKind.UUID, h2.type("UUID").kind());
        assertEquals(TypeKind.JSON, h2.type("JSON").kind());
        assertEquals(TypeKind.TINYINT, h2.type("TINYINT").kind());
    }

    @Test
    void timePrecisionDefaults() {
        sameType("TIMESTAMP", "timestamp(6)");
        sameType("TIME", "time(0)");
        sameType("TIMESTAMP WITH TIME ZONE", "timestamp(6) with time zone");
        assertEquals("TIMESTAMP(9)", h2.type("TIMESTAMP(9)").describe());
    }

    @Test
    void enumValuesInOrder() {
        ColumnType e = h2.type("ENUM('A', 'B', 'it''s')");
        assertEquals(TypeKind.ENUM, e.kind());
        assertEquals(List.of("A", "B", "it's"), e.enumValues());
        assertTrue(!e.sameAs(h2.type("enum('B','A','it''s')")));
    }

    @Test
    void ignoreCaseVarcharIsVarcharWithItsLengthButNotPlainVarchar() {
        ColumnType t = h2.type("VARCHAR_IGNORECASE(10)");
        assertEquals(TypeKind.VARCHAR, t.kind());
        assertEquals(10, t.length().getAsInt());
        assertEquals(List.of("ignorecase"), t.modifiers());
        assertTrue(!t.sameAs(h2.type("CHARACTER VARYING(10)")));
        // H2's catalog gives the length apart from the name
        assertTrue(t.sameAs(h2.type("VARCHAR_IGNORECASE", java.util.OptionalInt.of(10), java.util.OptionalInt.empty(),
                java.util.OptionalInt.empty())));
        assertEquals("VARCHAR(10) IGNORECASE", t.describe());
    }

    @Test
    void defaults() {
        assertEquals(Optional.of("'x'"), h2.defaultValue("'x'", h2.type("varchar(5)")));
        assertEquals(Optional.of("true"), h2.defaultValue("TRUE", h2.type("boolean")));
        assertEquals(Optional.of("current_timestamp"), h2.defaultValue("CURRENT_TIMESTAMP", h2.type("timestamp")));
        assertEquals(Optional.of("next value for public.seq"), h2.defaultValue("NEXT VALUE FOR \"PUBLIC\".\"SEQ\"", h2.type("bigint")));
        assertEquals(Optional.empty(), h2.defaultValue("NULL", h2.type("int")));
    }

    @Test
    void checksInH2Rendering() {
        assertEquals("status in ('A', 'B')", h2.check("\"STATUS\" IN('A', 'B')"));
        assertEquals(h2.check("kind between 0 and 2"), h2.check("\"KIND\" BETWEEN 0 AND 2"));
        assertEquals(h2.check("price > 0 and (a = 1 or b = 2)"), h2.check("(\"PRICE\" > 0) AND ((\"A\" = 1) OR (\"B\" = 2))"));
    }
}
