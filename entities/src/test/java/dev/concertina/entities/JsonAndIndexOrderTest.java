package dev.concertina.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @JdbcTypeCode(SqlTypes.JSON)} reads as each database's JSON type (PostgreSQL's jsonb, json
 * elsewhere, with jsonb as what the mapping asks for, so that a class generated there creates
 * jsonb on PostgreSQL), and {@code @Index(columnList = "owner, version DESC")} keeps its key order.
 * The round trip through generated code on every database is OneClassEveryDatabaseTest's.
 */
class JsonAndIndexOrderTest {

    private static Table notes(Dialect d) {
        return new EntitySchemaReader(TargetDatabase.of(d))
                .readModel(Fixtures.packages("dev.concertina.entities.fixtures.documents"))
                .schema()
                .table(d == Dialect.H2 ? "NOTES" : "notes")
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"H2", "POSTGRES", "MARIADB"})
    void jsonIsTheDatabasesJsonAndIndexKeysKeepTheirOrder(Dialect d) {
        Table t = notes(d);
        ColumnType body = t.columns().stream()
                .filter(c -> c.name().equalsIgnoreCase("body"))
                .findFirst()
                .orElseThrow()
                .type();
        if (d == Dialect.POSTGRES) {
            assertEquals(TypeKind.JSONB, body.kind());
            assertEquals(Optional.empty(), body.mapped());
        } else {
            assertEquals(TypeKind.JSON, body.kind());
            assertEquals(Optional.of(TypeKind.JSONB), body.mapped().map(ColumnType::kind));
        }
        Index ix = t.indexes().stream().filter(i -> i.name().equalsIgnoreCase("ix_notes_newest")).findFirst().orElseThrow();
        assertEquals(List.of("", "DESC"), ix.details().order());
    }
}
