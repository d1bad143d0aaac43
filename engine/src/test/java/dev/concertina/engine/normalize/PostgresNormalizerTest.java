package dev.concertina.engine.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PostgresNormalizerTest {

    private final Normalizer pg = Normalizer.forDialect(Dialect.POSTGRES);

    private void sameType(String a, String b) {
        ColumnType x = pg.type(a);
        ColumnType y = pg.type(b);
        assertTrue(x.sameAs(y), a + " = " + x + " vs " + b + " = " + y);
    }

    @Test
    void internalNamesAreSynonyms() {
        sameType("int4", "integer");
        sameType("int8", "bigint");
        sameType("int2", "smallint");
        sameType("float8", "double precision");
        sameType("float4", "real");
        sameType("bool", "boolean");
        sameType("character varying(255)", "varchar(255)");
        sameType("bpchar(3)", "char(3)");
        sameType("character(3)", "char(3)");
        assertEquals("VARCHAR(255)", pg.type("character varying(255)").describe());
        assertEquals(TypeKind.INTEGER, pg.type("int4").kind());
    }

    @Test
    void undeclaredFractionalSecondsAreSix() {
        sameType("timestamp", "timestamp(6)");
        sameType("timestamp without time zone", "timestamp(6)");
        sameType("timestamptz", "timestamp(6) with time zone");
        assertEquals("TIMESTAMP_WITH_TIME_ZONE(3)", pg.type("timestamp(3) with time zone").describe());
        assertEquals("TIME(6)", pg.type("time without time zone").describe());
        assertEquals("TIME_WITH_TIME_ZONE(6)", pg.type("timetz").describe());
    }

    @Test
    void floatPrecisionPicksRealOrDouble() {
        assertEquals(TypeKind.DOUBLE, pg.type("float(53)").kind());
        assertEquals(TypeKind.REAL, pg.type("float(24)").kind());
        assertEquals(TypeKind.DOUBLE, pg.type("float").kind());
    }

    @Test
    void numericFacets() {
        assertEquals("DECIMAL(10,2)", pg.type("numeric(10,2)").describe());
        sameType("numeric(10)", "decimal(10,0)");
        assertEquals("DECIMAL", pg.type("numeric").describe());
    }

    @Test
    void largeObjectsTextUuidJsonSerial() {
        assertEquals(TypeKind.CLOB, pg.type("text").kind());
        assertEquals(TypeKind.BLOB, pg.type("bytea").kind());
        // oid is a reference to a large object stored apart: not the same storage as bytea.
        assertEquals(TypeKind.LARGE_OBJECT, pg.type("oid").kind());
        assertTrue(!pg.type("oid").sameAs(pg.type("bytea")));
        assertEquals(TypeKind.UUID, pg.type("uuid").kind());
        // jsonb keeps no key order or duplicates: never read as json
        assertEquals(TypeKind.JSONB, pg.type("jsonb").kind());
        assertEquals(TypeKind.JSON, pg.type("json").kind());
        assertTrue(!pg.type("jsonb").sameAs(pg.type("json")));
        assertEquals(TypeKind.INTEGER, pg.type("serial").kind());
        assertEquals(TypeKind.BIGINT, pg.type("bigserial").kind());
    }

    @Test
    void unknownTypesKeepTheirRawText() {
        ColumnType t = pg.type("interval");
        assertEquals(TypeKind.UNSUPPORTED, t.kind());
        assertEquals("interval", t.raw());
        assertEquals(TypeKind.UNSUPPORTED, pg.type("interval[]").kind());
        assertEquals(TypeKind.UNSUPPORTED, pg.type("integer[][]").kind());
        ColumnType texts = pg.type("character varying(30)[]");
        assertEquals(TypeKind.ARRAY, texts.kind());
        assertEquals(java.util.Optional.of(TypeKind.VARCHAR), texts.content());
        assertEquals(30, texts.length().getAsInt());
        assertEquals("VARCHAR(30)[]", texts.describe());
        assertTrue(!texts.sameAs(pg.type("character varying(30)")));
        assertTrue(!pg.type("integer[]").sameAs(pg.type("bigint[]")));
        assertTrue(!pg.type("interval").sameAs(pg.type("inet")));
    }

    @Test

    void facetsGivenSeparately() {
        assertEquals("VARCHAR(40)", pg.type("varchar", OptionalInt.of(40), OptionalInt.empty(), OptionalInt.empty()).describe());
        assertEquals("DECIMAL(12,3)", pg.type("numeric", OptionalInt.empty(), OptionalInt.of(12), OptionalInt.of(3)).describe());
        assertEquals("TIMESTAMP_WITH_TIME_ZONE(3)", pg.type("timestamp with time zone", OptionalInt.empty(), OptionalInt.of(3), OptionalInt.empty()).describe());
        assertEquals("INTEGER", pg.type("int4", OptionalInt.of(10), OptionalInt.of(10), OptionalInt.of(0)).describe());
    }

    @Test
    void defaultsLoseCastsAndParentheses() {
        ColumnType vc = pg.type("varchar(20)");
        assertEquals(Optional.of("'x'"), pg.defaultValue("'x'::character varying", vc));
        assertEquals(Optional.of("'it''s'"), pg.defaultValue("'it''s'::text", pg.type("text")));
        assertEquals(Optional.of("-1"), pg.defaultValue("'-1'::integer", pg.type("int4")));
        assertEquals(Optional.of("-1"), pg.defaultValue("(-1)", pg.type("int4")));
        assertEquals(Optional.of("0.5"), pg.defaultValue("0.50", pg.type("numeric(5,2)")));
        assertEquals(Optional.of("'2020-01-01'"), pg.defaultValue("'2020-01-01'::date", pg.type("date")));
        assertEquals(Optional.of("current_timestamp"), pg.defaultValue("now()", pg.type("timestamp")));
        assertEquals(Optional.of("current_timestamp"), pg.defaultValue("CURRENT_TIMESTAMP", pg.type("timestamp")));
        assertEquals(Optional.of("true"), pg.defaultValue("true", pg.type("boolean")));
        assertEquals(Optional.of("nextval('book_id_seq')"), pg.defaultValue("nextval('book_id_seq'::regclass)", pg.type("int4")));
        assertEquals(Optional.empty(), pg.defaultValue("NULL::character varying", vc));
        assertEquals(Optional.empty(), pg.defaultValue(null, vc));
    }

    @Test
    void inListStoredAsAnyArrayEqualsHibernatesIn() {
        String stored = "CHECK (((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[])))";
        assertEquals("status in ('A', 'B')", pg.check(stored));
        assertEquals(pg.check("status in ('A','B')"), pg.check(stored));
        assertEquals("status not in ('A')", pg.check("((status)::text <> ALL ((ARRAY['A'::character varying])::text[]))"));
    }

    @Test
    void betweenStoredAsTwoComparisons() {
        assertEquals(pg.check("kind between 0 and 2"), pg.check("CHECK (((kind >= 0) AND (kind <= 2)))"));
    }

    @Test
    void numericCastsAndQuotedIdentifiers() {
        assertEquals("price > 0", pg.check("CHECK ((price > (0)::numeric))"));
        assertEquals(pg.check("\"price\" > 0"), pg.check("price>0"));
        assertEquals("\"Price\" > 0", pg.check("(\"Price\" > (0)::numeric)"), "a quoted mixed-case column is another column");
        assertEquals("length(name) > 0 or name is null", pg.check("((length((name)::text) > 0) OR (name IS NULL))"));
        assertEquals("price > 0", pg.check("CHECK (price > 0) NOT VALID"));
    }

    // ------------------------------------------------------------------ enumerations

    private static Table person(String statusType, List<CheckConstraint> checks) {
        Normalizer pg = Normalizer.forDialect(Dialect.POSTGRES);
        return Table.of("person", List.of(Column.of("id", pg.type("bigint"), false), Column.of("status", pg.type(statusType), true)))
                .withChecks(checks);
    }

    private static CheckConstraint check(String name, String stored) {
        return new CheckConstraint(name, Normalizer.forDialect(Dialect.POSTGRES).check(stored), Origin.DATABASE);
    }

    @Test
    void varcharWithOneUnnamedInListCheckIsAnEnumWithSortedValues() {
        // As PostgreSQL stores Hibernate's "status varchar(20) check (status in ('RED','BLUE'))".
        Table t = pg.table(person("character varying(20)", List.of(check("",
                "CHECK (((status)::text = ANY ((ARRAY['RED'::character varying, 'BLUE'::character varying])::text[])))"))));
        ColumnType type = t.column("status").orElseThrow().type();
        assertEquals(TypeKind.ENUM, type.kind());
        assertEquals(List.of("BLUE", "RED"), type.enumValues());
        assertEquals(OptionalInt.of(20), type.length());
        assertEquals("ENUM('BLUE','RED')", type.describe());
        assertEquals(List.of(), t.checks());
        // The storage length is not part of the type: H2's and MariaDB's native enums have none.
        assertTrue(type.sameAs(ColumnType.enumeration(List.of("BLUE", "RED"), "enum('BLUE','RED')")));
        assertTrue(!type.sameAs(ColumnType.enumeration(List.of("BLUE", "GREEN", "RED"), "x")));
    }

    @Test
    void otherChecksStayChecks() {
        // Named: the name matters for dropping it.
        Table named = pg.table(person("varchar(20)", List.of(check("status_ck", "status in ('A','B')"))));
        assertEquals(TypeKind.VARCHAR, named.column("status").orElseThrow().type().kind());
        assertEquals(1, named.checks().size());
        // Two IN lists on one column: no single set of values.
        Table two = pg.table(person("varchar(20)", List.of(check("", "status in ('A','B')"), check("", "status in ('B','C')"))));
        assertEquals(TypeKind.VARCHAR, two.column("status").orElseThrow().type().kind());
        assertEquals(2, two.checks().size());
        // Not a string list, or not a string column.
        assertEquals(TypeKind.VARCHAR, pg.table(person("varchar(20)", List.of(check("", "status in ('A', 1)"))))
                .column("status").orElseThrow().type().kind());
        assertEquals(TypeKind.INTEGER, pg.table(person("integer", List.of(check("", "status in (1, 2)"))))
                .column("status").orElseThrow().type().kind());
        assertEquals(TypeKind.CHAR, pg.table(person("char(1)", List.of(check("", "status in ('N', 'Y')"))))
                .column("status").orElseThrow().type().kind());
        assertEquals(TypeKind.VARCHAR, pg.table(person("varchar(20)", List.of(check("", "status in ('A') or id > 1"))))
                .column("status").orElseThrow().type().kind());
    }
}
