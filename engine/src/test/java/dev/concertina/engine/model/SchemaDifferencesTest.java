package dev.concertina.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDifferencesTest {

    private static final ColumnType INT = ColumnType.of(TypeKind.INTEGER, "int4");

    private static Table book() {
        return Table.of("BOOK", List.of(
                        Column.of("ID", INT, false).withIdentity(true),
                        Column.of("TITLE", ColumnType.sized(TypeKind.VARCHAR, 100, "varchar(100)"), false)
                                .withDefault(Optional.of("'x'")).withComment(Optional.of("the title")),
                        Column.of("AUTHOR_ID", INT, true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("ID"))))
                .withUniques(List.of(new UniqueConstraint("UK_TITLE", List.of("TITLE"), Origin.UNKNOWN)))
                .withIndexes(List.of(new Index("", List.of("AUTHOR_ID", "TITLE"), false, Origin.UNKNOWN)))
                .withForeignKeys(List.of(new ForeignKey("", List.of("AUTHOR_ID"), "AUTHOR", List.of("ID"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, Origin.UNKNOWN)))
                .withChecks(List.of(new CheckConstraint("", "TITLE <> ''", Origin.UNKNOWN)))
                .withComment(Optional.of("books"));
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables), List.of(new Sequence("SEQ", 1, 50, Origin.UNKNOWN)));
    }

    @Test
    void identicalSchemasHaveNoDifferences() {
        assertEquals(List.of(), SchemaDifferences.between(schema(book()), schema(book())));
    }

    @Test
    void ignoresOriginsRawNamesColumnOrderTriggersAndConstraintOrder() {
        Table b = book();
        Table other = b.withColumns(List.of(b.columns().get(2), b.columns().get(1),
                        b.columns().get(0).withType(ColumnType.of(TypeKind.INTEGER, "integer")).withOrigin(Origin.DATABASE)))
                .withTriggers(List.of(new Trigger("T1", "BEFORE", "INSERT")))
                .withOrigin(Origin.DATABASE);
        assertEquals(List.of(), SchemaDifferences.between(schema(b), schema(other)));
    }

    @Test
    void reportsMissingAndExtraTablesAndSequences() {
        Schema expected = schema(book());
        Schema actual = new Schema(List.of(Table.of("AUTHOR", List.of())), List.of(new Sequence("S2", 1, 1, Origin.UNKNOWN)));
        assertEquals(List.of(
                "table \"AUTHOR\": not expected, found",
                "table \"BOOK\": expected, not found",
                "sequence \"S2\": not expected, found",
                "sequence \"SEQ\": expected, not found"), SchemaDifferences.between(expected, actual));
    }

    @Test
    void reportsEveryColumnAspect() {
        Table b = book();
        Column title = b.column("TITLE").orElseThrow();
        Table changed = b.withColumns(List.of(b.columns().get(0).withIdentity(false),
                title.withType(ColumnType.sized(TypeKind.VARCHAR, 255, "varchar(255)")).withNullable(true)
                        .withDefault(Optional.empty()).withComment(Optional.of("other")),
                Column.of("EXTRA", INT, true)));
        assertEquals(List.of(
                "table \"BOOK\": column \"AUTHOR_ID\": expected, not found",
                "table \"BOOK\": column \"EXTRA\": not expected, found",
                "table \"BOOK\": column \"ID\": identity expected, not identity found",
                "table \"BOOK\": column \"TITLE\": type VARCHAR(100) expected, VARCHAR(255) found",
                "table \"BOOK\": column \"TITLE\": not null expected, nullable found",
                "table \"BOOK\": column \"TITLE\": default ['x'] expected, none found",
                "table \"BOOK\": column \"TITLE\": comment [the title] expected, [other] found"),
                SchemaDifferences.between(schema(b), schema(changed)).subList(0, 7));
    }

    @Test
    void reportsTableLevelDifferences() {
        Table b = book();
        Table changed = b.withComment(Optional.empty())
                .withPrimaryKey(Optional.of(new PrimaryKey("PK_BOOK", List.of("ID", "TITLE"))))
                .withUniques(List.of(new UniqueConstraint("UK_TITLE", List.of("AUTHOR_ID"), Origin.UNKNOWN)))
                .withIndexes(List.of(new Index("", List.of("TITLE", "AUTHOR_ID"), false, Origin.UNKNOWN)))
                .withForeignKeys(List.of(new ForeignKey("", List.of("AUTHOR_ID"), "AUTHOR", List.of("ID"),
                        ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION, Origin.UNKNOWN)))
                .withChecks(List.of(new CheckConstraint("", "TITLE <> 'a'", Origin.UNKNOWN)));
        assertEquals(List.of(
                "table \"BOOK\": comment [books] expected, none found",
                "table \"BOOK\": primary key (ID) expected, (ID, TITLE) found",
                "table \"BOOK\": unique \"UK_TITLE\": columns (TITLE) expected, (AUTHOR_ID) found",
                "table \"BOOK\": index (AUTHOR_ID, TITLE): expected, not found",
                "table \"BOOK\": index (TITLE, AUTHOR_ID): not expected, found",
                "table \"BOOK\": foreign key (AUTHOR_ID): on delete CASCADE expected, SET_NULL found",
                "table \"BOOK\": check TITLE <> '': expected, not found",
                "table \"BOOK\": check TITLE <> 'a': not expected, found"),
                SchemaDifferences.between(schema(b), schema(changed)));
    }

    @Test
    void matchesByColumnsWhenOneSideIsUnnamedAndByNameWhenBothAreNamed() {
        Table b = book();
        Table unnamed = b.withUniques(List.of(new UniqueConstraint("", List.of("TITLE"), Origin.UNKNOWN)))
                .withChecks(List.of(new CheckConstraint("CK_TITLE", "TITLE <> ''", Origin.UNKNOWN)));
        assertEquals(List.of(), SchemaDifferences.between(schema(b), schema(unnamed)));

        Table renamed = b.withUniques(List.of(new UniqueConstraint("UK_OTHER", List.of("TITLE"), Origin.UNKNOWN)));
        assertEquals(List.of(
                "table \"BOOK\": unique \"UK_TITLE\" (TITLE): expected, not found",
                "table \"BOOK\": unique \"UK_OTHER\" (TITLE): not expected, found"),
                SchemaDifferences.between(schema(b), schema(renamed)));
    }

    @Test
    void reportsSequenceFacets() {
        Schema a = new Schema(List.of(), List.of(new Sequence("S", 1, 50, Origin.UNKNOWN)));
        Schema b = new Schema(List.of(), List.of(new Sequence("S", 5, 1, Origin.UNKNOWN)));
        assertEquals(List.of("sequence \"S\": start 1 expected, 5 found", "sequence \"S\": increment 50 expected, 1 found"),
                SchemaDifferences.between(a, b));
    }
}
