package dev.concertina.engine.plan;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Type change classes, the dialects that rewrite, and the default conversions: one row per type pair. */
class TypeChangeTest {

    static final ColumnType TS0 = ColumnType.temporal(TypeKind.TIMESTAMP, 0, "timestamp(0)");
    static final ColumnType REAL = ColumnType.of(TypeKind.REAL, "real");
    static final ColumnType DOUBLE = ColumnType.of(TypeKind.DOUBLE, "double");
    static final ColumnType VARCHAR_ANY = ColumnType.of(TypeKind.VARCHAR, "varchar");

    static Stream<Arguments> pairs() {
        return Stream.of(
                //   from            to                  class         rewrites on                    default conversion (up / down)
                row(INT, INT, TypeChange.SAME, "h2 postgres mariadb mysql", "\"a\" / \"b\""),
                row(SMALLINT, INT, TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS INTEGER) / CAST(\"b\" AS SMALLINT)"),
                row(INT, BIGINT, TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS BIGINT) / CAST(\"b\" AS INTEGER)"),
                row(BIGINT, INT, TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS INTEGER) / CAST(\"b\" AS BIGINT)"),
                row(INT, decimal(12, 2), TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS DECIMAL(12,2)) / CAST(\"b\" AS INTEGER)"),
                row(INT, decimal(5, 0), TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS DECIMAL(5,0)) / CAST(\"b\" AS INTEGER)"),
                row(decimal(10, 2), decimal(12, 2), TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS DECIMAL(12,2)) / CAST(\"b\" AS DECIMAL(10,2))"),
                row(decimal(10, 2), decimal(12, 4), TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS DECIMAL(12,4)) / CAST(\"b\" AS DECIMAL(10,2))"),
                row(decimal(12, 2), decimal(10, 2), TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS DECIMAL(10,2)) / CAST(\"b\" AS DECIMAL(12,2))"),
                row(REAL, DOUBLE, TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS DOUBLE) / CAST(\"b\" AS REAL)"),
                row(DOUBLE, REAL, TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS REAL) / CAST(\"b\" AS DOUBLE)"),
                row(varchar(50), varchar(60), TypeChange.WIDEN, "h2", "CAST(\"a\" AS VARCHAR(60)) / CAST(\"b\" AS VARCHAR(50))"),
                row(varchar(50), varchar(200), TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS VARCHAR(200)) / CAST(\"b\" AS VARCHAR(50))"),
                row(varchar(200), VARCHAR_ANY, TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS VARCHAR) / CAST(\"b\" AS VARCHAR(200))"),
                row(varchar(200), TEXT, TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS CLOB) / CAST(\"b\" AS VARCHAR(200))"),
                row(TEXT, varchar(200), TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(200)) / CAST(\"b\" AS CLOB)"),
                row(varchar(200), varchar(50), TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(50)) / CAST(\"b\" AS VARCHAR(200))"),
                row(chars(10), varchar(10), TypeChange.WIDEN, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(10)) / CAST(\"b\" AS CHAR(10))"),
                row(varchar(10), chars(10), TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS CHAR(10)) / CAST(\"b\" AS VARCHAR(10))"),
                row(TS0, TIMESTAMP, TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS TIMESTAMP(6)) / CAST(\"b\" AS TIMESTAMP(0))"),
                row(TIMESTAMP, TS0, TypeChange.NARROW, "h2 postgres mariadb mysql", "CAST(\"a\" AS TIMESTAMP(0)) / CAST(\"b\" AS TIMESTAMP(6))"),
                row(enumOf("A", "B"), enumOf("A", "B", "C"), TypeChange.WIDEN, "h2", "CAST(\"a\" AS ENUM('A','B','C')) / CAST(\"b\" AS ENUM('A','B'))"),
                row(enumOf("A", "C"), enumOf("A", "B", "C"), TypeChange.WIDEN, "h2 mariadb mysql", "CAST(\"a\" AS ENUM('A','B','C')) / CAST(\"b\" AS ENUM('A','C'))"),
                row(enumOf("A", "B", "C"), enumOf("A", "B"), TypeChange.NARROW, "h2 mariadb mysql", "CAST(\"a\" AS ENUM('A','B')) / CAST(\"b\" AS ENUM('A','B','C'))"),
                row(enumOf("A", "B"), enumOf("A", "X"), TypeChange.INCOMPATIBLE, "h2 mariadb mysql", "none"),
                // kind changes: a default cast only where every old value survives old -> new -> old
                row(INT, varchar(20), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(20)) / CAST(\"b\" AS INTEGER)"),
                row(INT, varchar(5), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "none"),
                row(BIGINT, TEXT, TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS CLOB) / CAST(\"b\" AS BIGINT)"),
                row(UUID, varchar(36), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(36)) / CAST(\"b\" AS UUID)"),
                row(BOOL, varchar(5), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(5)) / CAST(\"b\" AS BOOLEAN)"),
                row(DATE, varchar(10), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(10)) / CAST(\"b\" AS DATE)"),
                row(enumOf("RED", "GREEN"), varchar(10), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS VARCHAR(10)) / CAST(\"b\" AS ENUM('RED','GREEN'))"),
                row(DATE, TIMESTAMP, TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "CAST(\"a\" AS TIMESTAMP(6)) / none"),
                row(varchar(20), INT, TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "none"),
                row(TIMESTAMP, DATE, TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "none"),
                row(JSON, TEXT, TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "none"),
                row(ColumnType.unsupported("tsvector"), ColumnType.unsupported("int4range"), TypeChange.INCOMPATIBLE, "h2 postgres mariadb mysql", "none"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void typePair(ColumnType from, ColumnType to, TypeChange expected, String rewrites, String conversion) {
        assertEquals(expected, TypeChange.of(from, to));
        Set<Dialect> on = expected == TypeChange.SAME ? EnumSet.allOf(Dialect.class) : TypeChange.rewritesOn(from, to);
        assertEquals(rewrites, Stream.of(Dialect.values()).filter(on::contains).map(Dialect::label).collect(Collectors.joining(" ")));
        Optional<ColumnConversion> c = TypeChange.defaultConversion(col("a", from), col("b", to));
        assertEquals(conversion, c.map(v -> v.up().describe() + " / " + v.down().map(Expr::describe).orElse("none")).orElse("none"));
    }

    private static Arguments row(ColumnType from, ColumnType to, TypeChange c, String rewrites, String conversion) {
        return Arguments.of(from, to, c, rewrites, conversion);
    }
}
