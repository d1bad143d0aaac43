package dev.concertina.engine.plan;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.normalize.Normalizer;
import dev.concertina.runtime.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code diff}'s text and markdown show a type change in the target database's own words, as {@code inspect} does. */
class ChangeWordsTest {

    private static Plan plan(ColumnType from, ColumnType to) {
        return Planner.plan(Differ.diff(schema(table("t", col("c", from))), schema(table("t", col("c", to))),
                DiffOptions.DEFAULTS), PlanHints.NONE);
    }

    @Test
    void postgresTextToVarcharReadsInPostgresWords() {
        Normalizer pg = Normalizer.forDialect(Dialect.POSTGRES);
        // current: what the live reader gives for "text"; desired: what Hibernate's PostgreSQL dialect writes for a String
        Plan p = plan(pg.type("text"), pg.type("varchar(255)"));
        String text = PlanText.render(p);
        assertTrue(text.contains("  1. alter column \"t\".\"c\" type text (CLOB) -> varchar(255)\n"), text);
        assertTrue(text.contains("     - alter column \"t\".\"c\" type text (CLOB) -> varchar(255)\n"), text);
        String md = PlanMarkdown.render(p);
        assertTrue(md.contains("| `alter column \"t\".\"c\" type text (CLOB) -> varchar(255)` |"), md);
        assertTrue(md.contains("\nalter column \"t\".\"c\" type text (CLOB) -> varchar(255)\n"), md);
    }

    @Test
    void mariaDbUnsignedKeepsItsWordsWithTheNeutralKind() {
        Normalizer maria = Normalizer.forDialect(Dialect.MARIADB);
        String text = PlanText.render(plan(maria.type("int unsigned"), maria.type("bigint")));
        assertTrue(text.contains("type int unsigned (INTEGER UNSIGNED) -> bigint\n"), text);
    }

    @Test
    void renameThatConvertsNamesBothTypesInWords() {
        Normalizer pg = Normalizer.forDialect(Dialect.POSTGRES);
        Plan p = Planner.plan(Differ.diff(schema(table("t", col("a", pg.type("int4")))),
                        schema(table("t", col("b", pg.type("int8")))), DiffOptions.DEFAULTS),
                PlanHints.NONE.withColumnRename("t", "a", "b"));
        String text = PlanText.render(p);
        assertTrue(text.contains("rename column \"t\".\"a\" to \"b\" converting int4 (INTEGER) to int8 (BIGINT)"), text);
        // the catalog's long spelling and the dialect's short one read alike
        assertTrue(PlanText.render(plan(pg.type("character varying(50)"), pg.type("varchar(200)"))).contains("type varchar(50) -> varchar(200)\n"));
        assertTrue(PlanText.render(plan(Normalizer.forDialect(Dialect.MARIADB).type("int(11)"), Normalizer.forDialect(Dialect.MARIADB).type("bigint"))).contains("type int (INTEGER) -> bigint\n"));
    }

    @Test
    void aModelWithoutDatabaseNamesReadsNeutral() {
        ColumnType bare = ColumnType.of(TypeKind.INTEGER, "");
        ColumnType wide = ColumnType.of(TypeKind.BIGINT, "");
        List<String> lines = PlanText.render(plan(bare, wide)).lines().filter(l -> l.contains("alter column")).toList();
        assertEquals(List.of("  1. alter column \"t\".\"c\" type INTEGER -> BIGINT", "     - alter column \"t\".\"c\" type INTEGER -> BIGINT"), lines);
    }
}
