package dev.concertina.engine.diff;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.rules.IgnoreRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Silence never weakens: what the database has and entities do not write is kept, what they write
 * is planned; equivalents are kept whatever they write (docs/planner.md).
 */
class KeptDifferencesTest {

    private static final String ENTITY = "com.acme.Person";

    /** {@code t} as the entity reader gives it: each column writing {@code declared}. */
    static Table fromEntity(Table t, DeclaredAttribute... declared) {
        return t.withOrigin(Origin.entity(ENTITY)).withColumns(t.columns().stream()
                .map(c -> c.withOrigin(Origin.attribute(ENTITY, c.name()).withDeclared(Set.of(declared)))).toList());
    }

    static SchemaDiff compare(Schema database, Schema entities) {
        return Differ.compare(database, entities, DiffOptions.DEFAULTS);
    }

    static SchemaDiff compare(Schema database, Schema entities, String policy) {
        return Differ.compare(database, entities, DiffOptions.DEFAULTS.withIgnore(
                RulesFilter.of(IgnoreRules.parse("[policy]\n" + policy + " reason \"the entities are the whole truth\"\n",
                        "concertina.ignore"))));
    }

    static List<String> planned(SchemaDiff diff) {
        return diff.changes().stream().map(Change::describe).toList();
    }

    static List<String> kept(SchemaDiff diff) {
        return diff.kept().stream().map(k -> k.kind().label() + " " + k.table() + " " + k.name() + " " + k.detail()).toList();
    }

    final Table person = table("person", col("name", varchar(255)));

    @Test
    void anIndexOnATableWithoutDeclaredIndexesIsKept() {
        SchemaDiff diff = compare(schema(indexes(person, index("ix_name", "name"))), schema(fromEntity(person)));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("index person ix_name (\"name\")"), kept(diff));
        assertEquals("index \"ix_name\" on \"person\" (\"name\"): the entities declare no @Index on this table",
                diff.kept().get(0).describe());
        assertEquals(List.of(), Differ.diff(schema(indexes(person, index("ix_name", "name"))), schema(fromEntity(person)),
                DiffOptions.DEFAULTS), "diff leaves kept differences out");
    }

    @Test
    void removingOneOfATablesDeclaredIndexesStillDropsIt() {
        Table twoColumns = table("person", col("name", varchar(255)), col("email", varchar(255)));
        SchemaDiff diff = compare(schema(indexes(twoColumns, index("ix_name", "name"), index("ix_email", "email"))),
                schema(fromEntity(indexes(twoColumns, index("ix_email", "email")))));
        assertEquals(List.of("drop index \"ix_name\" on \"person\" (\"name\")"), planned(diff));
        assertEquals(List.of(), kept(diff));
    }

    @Test
    void aPolicyMakesTheEntitiesDecideForItsKindOnly() {
        Schema database = schema(uniques(indexes(person, index("ix_name", "name")), unique("uk_name", "name")));
        SchemaDiff diff = compare(database, schema(fromEntity(person)), "index follow-entities");
        assertEquals(List.of("drop index \"ix_name\" on \"person\" (\"name\")"), planned(diff));
        assertEquals(List.of("unique person uk_name (\"name\")"), kept(diff));
    }

    @Test
    void notNullDefaultAndWiderTypeTheEntityDoesNotWriteAreKept() {
        Table database = table("person", withDefault(req("name", TEXT), "'x'"));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(person)));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("not_null person name NOT NULL", "default person name default 'x'",
                "type person name CLOB vs VARCHAR(255)"), kept(diff));
    }

    @Test
    void commentsTheEntityDoesNotWriteAreKeptAndAWrittenOneIsPlanned() {
        Table database = table("person", col("name", varchar(255)).withComment(Optional.of("full name")))
                .withComment(Optional.of("people"));
        SchemaDiff silent = compare(schema(database), schema(fromEntity(person)));
        assertEquals(List.of(), planned(silent));
        assertEquals(List.of("comment person  'people'", "comment person name 'full name'"), kept(silent));
        assertEquals("column \"person\".\"name\" 'full name': the entity writes no @Comment; the database's comment"
                + " documents the column", silent.kept().get(1).describe());
        Table written = table("person", col("name", varchar(255)).withComment(Optional.of("name")))
                .withComment(Optional.of("persons"));
        assertEquals(2, planned(compare(schema(database), schema(fromEntity(written)))).size(), "@Comment is planned");
        assertEquals(2, planned(compare(schema(database), schema(fromEntity(person)), "comment follow-entities")).size());
    }

    @Test
    void whatTheEntityWritesIsPlanned() {
        Table database = table("person", withDefault(req("name", TEXT), "'x'"));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(person, DeclaredAttribute.NULLABLE,
                DeclaredAttribute.LENGTH)));
        assertEquals(List.of("alter column \"person\".\"name\" type CLOB -> VARCHAR(255), NOT NULL -> NULL"), planned(diff));
        assertEquals(List.of("default person name default 'x'"), kept(diff));
        assertEquals(List.of("alter column \"person\".\"name\" default 'x' -> none"),
                planned(compare(schema(database), schema(fromEntity(person, DeclaredAttribute.COLUMN_DEFINITION,
                        DeclaredAttribute.NULLABLE, DeclaredAttribute.LENGTH)))).stream()
                        .filter(s -> s.contains("default")).map(s -> s.replaceAll("type .*, ", "")).toList(),
                "a columnDefinition speaks for the default too");
    }

    @Test
    void additiveAndWideningChangesAreStillPlanned() {
        Table database = table("person", col("name", varchar(50)));
        Table entities = table("person", req("name", varchar(100)), col("email", varchar(255)));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(entities, DeclaredAttribute.LENGTH)));
        assertEquals(List.of("add column \"person\".\"email\" VARCHAR(255) NULL",
                "alter column \"person\".\"name\" type VARCHAR(50) -> VARCHAR(100), NULL -> NOT NULL"), planned(diff));
        assertEquals(List.of(), kept(diff));
    }

    @Test
    void onlyTheKeptAspectLeavesAnAlteredColumn() {
        SchemaDiff diff = compare(schema(table("person", req("name", varchar(100)))),
                schema(fromEntity(table("person", col("name", varchar(200))), DeclaredAttribute.LENGTH)));
        assertEquals(List.of("alter column \"person\".\"name\" type VARCHAR(100) -> VARCHAR(200)"), planned(diff));
        Change.AlterColumn alter = (Change.AlterColumn) diff.changes().get(0);
        assertEquals(false, alter.to().nullable(), "the kept NOT NULL stays as the database has it");
        assertEquals(List.of("not_null person name NOT NULL"), kept(diff));
    }

    @Test
    void constraintsTheEntitiesDoNotDeclareAreKeptUnlessTheirColumnGoes() {
        Table author = table("author");
        Table database = checks(fks(uniques(table("book", col("author_id", BIGINT), col("isbn", varchar(20))),
                unique("uk_isbn", "isbn")), fk("fk_book_author", "author_id", "author")), check("ck_isbn", "length(isbn) > 9"));
        SchemaDiff kept = compare(schema(author, database), schema(fromEntity(author),
                fromEntity(table("book", col("author_id", BIGINT), col("isbn", varchar(20))))));
        assertEquals(List.of(), planned(kept));
        assertEquals(List.of("unique book uk_isbn (\"isbn\")", "check book ck_isbn (length(isbn) > 9)",
                "foreign_key book fk_book_author (\"author_id\") -> \"author\"(\"id\")"), kept(kept));

        SchemaDiff columnGone = compare(schema(author, database), schema(fromEntity(author),
                fromEntity(table("book", col("author_id", BIGINT)))));
        assertEquals(List.of("drop check \"ck_isbn\" on \"book\" (length(isbn) > 9)",
                "drop column \"book\".\"isbn\" VARCHAR(20) NULL",
                "drop unique \"uk_isbn\" on \"book\" (\"isbn\")"), planned(columnGone).stream().sorted().toList());
        assertEquals(List.of("foreign_key book fk_book_author (\"author_id\") -> \"author\"(\"id\")"), kept(columnGone));
    }

    @Test
    void anEnumCheckOfHibernatesShapeFollowsTheEntities() {
        Table database = checks(table("person", col("status", varchar(10))), check("", "status in ('A','B')"));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(table("person", col("status", varchar(10))))));
        assertEquals(List.of("drop check on \"person\" (status in ('A','B'))"), planned(diff));
    }

    @Test
    void otherToolsBookkeepingIsKeptOnce() {
        Table flyway = table("flyway_schema_history", col("version", varchar(50)));
        Table liquibase = table("DATABASECHANGELOGLOCK", req("ID", INT));
        SchemaDiff diff = compare(schema(fromEntity(person), flyway, liquibase), schema(fromEntity(person)));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("tool_table DATABASECHANGELOGLOCK  ", "tool_table flyway_schema_history  "), kept(diff));
        assertEquals(List.of("drop table \"DATABASECHANGELOGLOCK\"", "drop table \"flyway_schema_history\""),
                planned(compare(schema(person, flyway, liquibase), schema(fromEntity(person)), "tool-tables follow-entities")));
    }

    @Test
    void aTableNoEntityMapsIsKeptWhenItPredatesConcertinaAndDroppedWhenConcertinaMadeIt() {
        Table jgroups = table("jgroups_ping", col("address", varchar(200)));
        Table legacy = table("legacy_audit", col("what", varchar(200)));
        Schema database = schema(person, jgroups, legacy);
        Schema entities = schema(fromEntity(person));
        DiffOptions adopted = DiffOptions.DEFAULTS.withPreexisting(PreexistingTables.adopted(Set.of("jgroups_ping")));

        SchemaDiff diff = Differ.compare(database, entities, adopted);
        assertEquals(List.of("drop table \"legacy_audit\""), planned(diff), "created since adoption: Concertina's");
        assertEquals(List.of("table jgroups_ping  "), kept(diff));
        assertEquals("table \"jgroups_ping\": no entity maps it, and it predates Concertina here: it was there when"
                + " version_control adopted the database", diff.kept().get(0).describe());

        assertEquals(List.of(), planned(Differ.compare(database, entities, DiffOptions.DEFAULTS.withPreexisting(
                PreexistingTables.notUnderVersionControl(Set.of("person", "jgroups_ping", "legacy_audit"))))));
        assertEquals(List.of("drop table \"jgroups_ping\"", "drop table \"legacy_audit\""),
                planned(Differ.compare(database, entities, adopted.withIgnore(RulesFilter.of(IgnoreRules.parse(
                        "[policy]\ntable follow-entities reason \"we own every table\"\n", "concertina.ignore"))))),
                "a policy makes the entities decide");
        assertEquals(List.of("drop table \"jgroups_ping\"", "drop table \"legacy_audit\""),
                planned(Differ.compare(database, schema(person), adopted)), "a schema made in code speaks for every table");
        assertEquals(List.of("drop table \"jgroups_ping\"", "drop table \"legacy_audit\""),
                planned(Differ.compare(database, entities, DiffOptions.DEFAULTS)), "no table predates Concertina");
    }

    // ---------------------------------------------------------------- equivalents

    @Test
    void aKeyWithItsColumnsInAnotherOrderIsKeptWithBothOrders() {
        Table database = table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.of(new PrimaryKey("", List.of("b", "a"))));
        Table entities = database.withPrimaryKey(Optional.of(new PrimaryKey("", List.of("a", "b"))));
        SchemaDiff diff = compare(schema(database), schema(entities));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("key_order link  primary key (\"b\", \"a\") vs (\"a\", \"b\")"), kept(diff));
    }

    @Test
    void aUniqueWithItsColumnsInAnotherOrderIsKeptWithBothOrders() {
        Table base = table("link", req("a", INT), req("b", INT));
        SchemaDiff diff = compare(schema(uniques(base, unique("uk_ba", "b", "a"))), schema(uniques(base, unique("", "a", "b"))));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("key_order link uk_ba unique (\"b\", \"a\") vs (\"a\", \"b\")"), kept(diff));
    }

    @Test
    void aUniqueOverNotNullColumnsServesAsThePrimaryKey() {
        Table database = uniques(table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.empty()),
                unique("uk_link", "a", "b"));
        Table entities = table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.of(new PrimaryKey("", List.of("a", "b"))));
        SchemaDiff diff = compare(schema(database), schema(entities));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("primary_key link uk_link unique (\"a\", \"b\") vs primary key (\"a\", \"b\")"), kept(diff));

        Table nullable = uniques(table("link", req("a", INT), col("b", INT)).withPrimaryKey(Optional.empty()),
                unique("uk_link", "a", "b"));
        assertEquals(List.of("alter primary key of \"link\": none -> (\"a\", \"b\")", "drop unique \"uk_link\" on \"link\" (\"a\", \"b\")"),
                planned(compare(schema(nullable), schema(entities))).stream().filter(s -> !s.startsWith("alter column")).sorted().toList(),
                "a nullable column makes the unique weaker than a key: planned");
    }

    @Test
    void aShorterStringThanTheDefaultLengthIsKeptWhileAWrittenLengthIsPlanned() {
        Table database = table("person", col("name", varchar(36)));
        SchemaDiff silent = compare(schema(database), schema(fromEntity(table("person", col("name", varchar(255))))));
        assertEquals(List.of(), planned(silent));
        assertEquals(List.of("type person name VARCHAR(36) vs VARCHAR(255)"), kept(silent));

        SchemaDiff written = compare(schema(database),
                schema(fromEntity(table("person", col("name", varchar(255))), DeclaredAttribute.LENGTH)));
        assertEquals(List.of("alter column \"person\".\"name\" type VARCHAR(36) -> VARCHAR(255)"), planned(written));
        assertEquals(List.of("alter column \"person\".\"name\" type VARCHAR(36) -> VARCHAR(255)"),
                planned(compare(schema(database), schema(fromEntity(table("person", col("name", varchar(255))))),
                        "type follow-entities")), "a policy makes the entities decide");
    }

    @Test
    void aFixedBinaryShorterThanTheDefaultLengthIsKept() {
        Table database = table("attr", col("hash", ColumnType.sized(TypeKind.BINARY, 64, "binary(64)")));
        Table entity = table("attr", col("hash", ColumnType.sized(TypeKind.VARBINARY, 255, "varbinary(255)")));
        SchemaDiff silent = compare(schema(database), schema(fromEntity(entity)));
        assertEquals(List.of(), planned(silent));
        assertEquals(1, silent.kept().size());
        assertEquals(1, compare(schema(database), schema(fromEntity(entity, DeclaredAttribute.LENGTH))).changes().size(),
                "a written length is planned");
    }

    @Test
    void moreFractionalSecondsInTheDatabaseAreKept() {
        Table database = table("event", col("at", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 9, "timestamp(9) with time zone")));
        Table entity = table("event", col("at", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamp(6) with time zone")));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(entity)));
        assertEquals(List.of(), planned(diff));
        assertEquals(1, diff.kept().size());
        assertEquals(List.of("alter column \"event\".\"at\" type TIMESTAMP_WITH_TIME_ZONE(6) -> TIMESTAMP_WITH_TIME_ZONE(9)"),
                planned(compare(schema(entity), schema(fromEntity(database)))), "fewer digits than the entity's are planned");
    }

    @Test
    void aPrimaryKeyServesAsTheUniqueTheEntitiesDeclare() {
        Table database = table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.of(new PrimaryKey("pk_link", List.of("a", "b"))));
        Table entities = uniques(table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.empty()),
                unique("", "b", "a"));
        SchemaDiff diff = compare(schema(database), schema(fromEntity(entities)));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("primary_key link  primary key (\"a\", \"b\") vs unique (\"b\", \"a\")"), kept(diff));

        Table other = uniques(table("link", req("a", INT), req("b", INT)).withPrimaryKey(Optional.empty()), unique("", "a"));
        SchemaDiff otherDiff = compare(schema(database), schema(fromEntity(other)));
        assertEquals(List.of("add unique on \"link\" (\"a\")"), planned(otherDiff),
                "a unique over other columns is no stand-in for the key: it is added, the key kept");
        assertEquals(List.of("primary_key link  primary key (\"a\", \"b\")"), kept(otherDiff));
    }

    @Test
    void aPrimaryKeyTheEntitiesDoNotMapIsKept() {
        Table database = table("tags", req("owner_id", BIGINT), req("value", varchar(50)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("owner_id", "value"))));
        Table entities = fromEntity(database.withPrimaryKey(Optional.empty()));
        SchemaDiff diff = compare(schema(database), schema(entities));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("primary_key tags  primary key (\"owner_id\", \"value\")"), kept(diff));
        assertEquals(List.of("alter primary key of \"tags\": (\"owner_id\", \"value\") -> none"),
                planned(compare(schema(database), schema(database.withPrimaryKey(Optional.empty())))),
                "a schema made in code speaks for its keys");
    }

    @Test
    void aWiderIntegerForAnOrdinalEnumIsEquivalent() {
        Table database = table("person", col("kind", INT));
        Table entities = checks(table("person", col("kind", SMALLINT)), check("", "kind >= 0 and kind <= 2"));
        SchemaDiff diff = compare(schema(checks(database, check("", "kind >= 0 and kind <= 2"))), schema(fromEntity(entities)));
        assertEquals(List.of(), planned(diff));
        assertEquals(List.of("ordinal_type person kind INTEGER vs SMALLINT"), kept(diff));

        SchemaDiff plainNumber = compare(schema(database), schema(fromEntity(table("person", col("kind", SMALLINT)))));
        assertEquals(List.of("alter column \"person\".\"kind\" type INTEGER -> SMALLINT"), planned(plainNumber),
                "a smaller integer the Java type asks for is planned (with a pre-check)");
    }

    @Test
    void columnsOfSchemasMadeInCodeSpeakForEverything() {
        Table database = indexes(table("person", req("name", TEXT)), index("ix_name", "name"));
        assertEquals(List.of("drop index \"ix_name\" on \"person\" (\"name\")",
                "alter column \"person\".\"name\" type CLOB -> VARCHAR(255), NOT NULL -> NULL"),
                planned(compare(schema(database), schema(person))));
    }

    @Test
    void anEnumOverADatabaseTextColumnAddsTheValueCheckAndKeepsTheType() {
        ColumnType status = enumOf("DONE", "NEW");
        Table entities = fromEntity(table("job", col("status", status)));
        SchemaDiff text = compare(schema(table("job", col("status", TEXT))), schema(entities));
        assertEquals(List.of("add check on \"job\" (status in ('DONE', 'NEW'))"), planned(text));
        assertEquals(List.of("type job status CLOB vs ENUM('DONE','NEW')"), kept(text));
        assertEquals("column \"job\".\"status\" CLOB vs ENUM('DONE','NEW'): the entities assert the enum's values, not a"
                + " storage type: the database's text type holds every one, and a check (planned) limits it to them",
                text.kept().get(0).describe());

        SchemaDiff varchar = compare(schema(table("job", col("status", varchar(20)))), schema(entities));
        assertEquals(List.of("add check on \"job\" (status in ('DONE', 'NEW'))"), planned(varchar));

        SchemaDiff upperCase = compare(schema(table("JOB", col("STATUS", varchar(20)))),
                schema(fromEntity(table("JOB", col("STATUS", status)))));
        assertEquals(List.of("add check on \"JOB\" (status in ('DONE', 'NEW'))"), planned(upperCase),
                "unquoted, the lower-case name folds to the column on every database");
    }

    @Test
    void aTextColumnWhoseCheckAllowsTheEnumsValuesIsEquivalent() {
        Table entities = fromEntity(table("job", col("status", enumOf("DONE", "NEW"))));
        Table database = checks(table("job", col("status", TEXT)), check("", "status in ('NEW', 'DONE')"));
        SchemaDiff same = compare(schema(database), schema(entities));
        assertEquals(List.of(), planned(same), "the check is the one the plan adds: the round trip is clean");
        assertEquals(List.of("type job status CLOB vs ENUM('DONE','NEW')"), kept(same));

        Table named = checks(table("job", col("status", varchar(20))), check("ck_status", "status in ('DONE','NEW')"));
        assertEquals(List.of(), planned(compare(schema(named), schema(entities))));

        Table fewer = checks(table("job", col("status", TEXT)), check("", "status in ('NEW')"));
        assertEquals(List.of("drop check on \"job\" (status in ('NEW'))", "add check on \"job\" (status in ('DONE', 'NEW'))"),
                planned(compare(schema(fewer), schema(entities))), "a check with other values is replaced");
    }

    @Test
    void anEnumWhoseEntityWritesALengthOrDefinitionIsStillConverted() {
        Table database = table("job", col("status", TEXT));
        for (DeclaredAttribute written : List.of(DeclaredAttribute.LENGTH, DeclaredAttribute.COLUMN_DEFINITION)) {
            SchemaDiff diff = compare(schema(database), schema(fromEntity(table("job", col("status", enumOf("DONE", "NEW"))), written)));
            assertEquals(List.of("alter column \"job\".\"status\" type CLOB -> ENUM('DONE','NEW')"), planned(diff), written.name());
        }
        assertEquals(List.of("alter column \"job\".\"status\" type VARCHAR(3) -> ENUM('DONE','NEW')"),
                planned(compare(schema(table("job", col("status", varchar(3)))),
                        schema(fromEntity(table("job", col("status", enumOf("DONE", "NEW"))))))),
                "a text type too short for a value is converted");
        assertEquals(List.of("alter column \"job\".\"order\" type CLOB -> ENUM('DONE','NEW')"),
                planned(compare(schema(table("job", col("order", TEXT))),
                        schema(fromEntity(table("job", col("order", enumOf("DONE", "NEW"))))))),
                "a reserved word cannot be written bare in a check for every database");
        assertEquals(List.of("alter column \"job\".\"status\" type CLOB -> ENUM('DONE','NEW')"),
                planned(compare(schema(database), schema(fromEntity(table("job", col("status", enumOf("DONE", "NEW"))))), "type follow-entities")),
                "a policy makes the entities decide the type");
    }
}
