package dev.concertina.engine.diff;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Trigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differ, one row per case: current schema, desired schema, the expected changes (by their
 * one-line description, in order). Every row also proves the round trip: applying the changes to
 * {@code current} gives a schema with no differences from {@code desired}, and applying their
 * inverses in reverse order returns to {@code current}.
 */
class DifferTest {

    static final Schema EMPTY = Schema.EMPTY;

    static Stream<Arguments> cases() {
        var person = table("person", col("name", varchar(50)));
        var author = table("author");
        var book = fks(table("book", col("author_id", BIGINT)), fk("fk_book_author", "author_id", "author"));
        return Stream.of(
                // ------------------------------------------------------------ tables
                row("add table", EMPTY, schema(person),
                        "add table \"person\" (2 columns)"),
                row("drop table", schema(person), EMPTY,
                        "drop table \"person\""),
                row("add tables: tables before their foreign keys", EMPTY, schema(author, book),
                        "add table \"author\" (1 column)",
                        "add table \"book\" (2 columns)",
                        "add foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")"),
                row("drop tables: foreign keys first", schema(author, book), EMPTY,
                        "drop foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")",
                        "drop table \"author\"",
                        "drop table \"book\""),
                row("table comment", schema(person), schema(person.withComment(Optional.of("people"))),
                        "alter comment of table \"person\": none -> 'people'"),
                row("triggers are never compared", schema(person),
                        schema(person.withTriggers(List.of(new Trigger("audit", "AFTER", "UPDATE"))))),
                // ------------------------------------------------------------ columns
                row("add nullable column", schema(person), schema(table("person", col("name", varchar(50)), col("email", varchar(255)))),
                        "add column \"person\".\"email\" VARCHAR(255) NULL"),
                row("add NOT NULL column with default", schema(person),
                        schema(table("person", col("name", varchar(50)), withDefault(req("age", INT), "0"))),
                        "add column \"person\".\"age\" INTEGER NOT NULL DEFAULT 0"),
                row("drop column", schema(table("person", col("name", varchar(50)), col("email", TEXT))), schema(person),
                        "drop column \"person\".\"email\" CLOB NULL"),
                row("type widened", schema(person), schema(table("person", col("name", varchar(200)))),
                        "alter column \"person\".\"name\" type VARCHAR(50) -> VARCHAR(200)"),
                row("type narrowed", schema(table("person", col("name", varchar(200)))), schema(person),
                        "alter column \"person\".\"name\" type VARCHAR(200) -> VARCHAR(50)"),
                row("raw type names alone are no difference", schema(table("t", col("n", INT))),
                        schema(table("t", col("n", dev.concertina.engine.model.ColumnType.of(dev.concertina.engine.model.TypeKind.INTEGER, "int4"))))),
                row("enum value added", schema(table("t", col("s", enumOf("A", "B")))), schema(table("t", col("s", enumOf("A", "B", "C")))),
                        "alter column \"t\".\"s\" type ENUM('A','B') -> ENUM('A','B','C')"),
                row("NULL -> NOT NULL", schema(person), schema(table("person", req("name", varchar(50)))),
                        "alter column \"person\".\"name\" NULL -> NOT NULL"),
                row("set default", schema(person), schema(table("person", withDefault(col("name", varchar(50)), "'x'"))),
                        "alter column \"person\".\"name\" default none -> 'x'"),
                row("identity", schema(table("t", req("n", BIGINT))), schema(table("t", req("n", BIGINT).withIdentity(true))),
                        "alter column \"t\".\"n\" identity false -> true"),
                row("column comment", schema(person), schema(table("person", col("name", varchar(50)).withComment(Optional.of("full name")))),
                        "alter column \"person\".\"name\" comment none -> 'full name'"),
                row("several aspects in one change", schema(person), schema(table("person", withDefault(req("name", varchar(80)), "''"))),
                        "alter column \"person\".\"name\" type VARCHAR(50) -> VARCHAR(80), NULL -> NOT NULL, default none -> ''"),
                row("columns matched by name, not position", schema(table("t", col("a", INT), col("b", INT))),
                        schema(table("t", col("b", INT), col("a", INT)))),
                // ------------------------------------------------------------ primary key
                row("primary key changed", schema(person),
                        schema(table("person", col("name", varchar(50))).withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id", "name"))))),
                        "alter primary key of \"person\": (\"id\") -> (\"id\", \"name\")"),
                row("primary key added", schema(person.withPrimaryKey(Optional.empty())), schema(person),
                        "alter primary key of \"person\": none -> (\"id\")"),
                row("system primary key name alone is no difference",
                        schema(person.withPrimaryKey(Optional.of(new PrimaryKey("CONSTRAINT_44", List.of("id"))))), schema(person)),
                // ------------------------------------------------------------ indexes
                row("add index", schema(person), schema(indexes(person, index("ix_name", "name"))),
                        "add index \"ix_name\" on \"person\" (\"name\")"),
                row("drop index", schema(indexes(person, index("ix_name", "name"))), schema(person),
                        "drop index \"ix_name\" on \"person\" (\"name\")"),
                row("index names differ, same columns: no difference", schema(indexes(person, index("IDX_4F2", "name"))),
                        schema(indexes(person, index("ix_name", "name")))),
                row("index made unique: drop and add", schema(indexes(person, index("ix_name", "name"))),
                        schema(indexes(person, uniqueIndex("ix_name", "name"))),
                        "drop index \"ix_name\" on \"person\" (\"name\")",
                        "add unique index \"ix_name\" on \"person\" (\"name\")"),
                row("same index name, other columns: drop and add", schema(indexes(table("t", col("a", INT), col("b", INT)), index("ix", "a"))),
                        schema(indexes(table("t", col("a", INT), col("b", INT)), index("ix", "b"))),
                        "drop index \"ix\" on \"t\" (\"a\")",
                        "add index \"ix\" on \"t\" (\"b\")"),
                row("drop index before its column", schema(indexes(table("t", col("a", INT), col("b", INT)), index("ix_b", "b"))),
                        schema(table("t", col("a", INT))),
                        "drop index \"ix_b\" on \"t\" (\"b\")",
                        "drop column \"t\".\"b\" INTEGER NULL"),
                // ------------------------------------------------------------ uniques
                row("add unique", schema(person), schema(uniques(person, unique("uk_name", "name"))),
                        "add unique \"uk_name\" on \"person\" (\"name\")"),
                row("drop unique", schema(uniques(person, unique("uk_name", "name"))), schema(person),
                        "drop unique \"uk_name\" on \"person\" (\"name\")"),
                row("unnamed unique matches system-named one", schema(uniques(person, unique("person_name_key", "name"))),
                        schema(uniques(person, unique("", "name")))),
                // ------------------------------------------------------------ foreign keys
                row("add foreign key between existing tables", schema(author, table("book", col("author_id", BIGINT))), schema(author, book),
                        "add foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")"),
                row("drop foreign key", schema(author, book), schema(author, table("book", col("author_id", BIGINT))),
                        "drop foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")"),
                row("foreign key action changed: drop and add", schema(author, book),
                        schema(author, fks(table("book", col("author_id", BIGINT)), new dev.concertina.engine.model.ForeignKey("fk_book_author",
                                List.of("author_id"), "author", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION,
                                dev.concertina.engine.model.Origin.UNKNOWN))),
                        "drop foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")",
                        "add foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\") ON DELETE CASCADE"),
                row("unnamed foreign key matches by columns and target", schema(author, book),
                        schema(author, fks(table("book", col("author_id", BIGINT)), fk("", "author_id", "author")))),
                // ------------------------------------------------------------ checks
                row("add check", schema(person), schema(checks(person, check("ck_name", "length(name) > 0"))),
                        "add check \"ck_name\" on \"person\" (length(name) > 0)"),
                row("drop check", schema(checks(person, check("ck_name", "length(name) > 0"))), schema(person),
                        "drop check \"ck_name\" on \"person\" (length(name) > 0)"),
                row("check expression changed", schema(checks(person, check("ck", "status in ('A','B')"))),
                        schema(checks(person, check("ck", "status in ('A','B','C')"))),
                        "drop check \"ck\" on \"person\" (status in ('A','B'))",
                        "add check \"ck\" on \"person\" (status in ('A','B','C'))"),
                row("unnamed check matches by expression", schema(checks(person, check("person_name_check", "length(name) > 0"))),
                        schema(checks(person, check("", "length(name) > 0")))),
                // ------------------------------------------------------------ sequences
                row("add sequence", EMPTY, schema(List.of(), seq("person_seq", 1, 50)),
                        "add sequence \"person_seq\" start 1 increment 50"),
                row("drop sequence", schema(List.of(), seq("person_seq", 1, 50)), EMPTY,
                        "drop sequence \"person_seq\""),
                row("alter sequence", schema(List.of(), seq("person_seq", 1, 1)), schema(List.of(), seq("person_seq", 1, 50)),
                        "alter sequence \"person_seq\": start 1 -> 1, increment 1 -> 50"),
                // ------------------------------------------------------------ order across kinds
                row("dependency-safe order across kinds",
                        schema(List.of(author, book, indexes(table("t", col("old", INT)), index("ix_old", "old")))),
                        schema(List.of(author, table("book", col("author_id", BIGINT)), table("t", col("new", INT)), table("z"),
                                fks(table("a_first", col("z_id", BIGINT)), fk("fk_a_z", "z_id", "z"))), seq("s", 1, 1)),
                        "drop foreign key \"fk_book_author\" on \"book\" (\"author_id\") -> \"author\"(\"id\")",
                        "drop index \"ix_old\" on \"t\" (\"old\")",
                        "add sequence \"s\" start 1 increment 1",
                        "add table \"a_first\" (2 columns)",
                        "add table \"z\" (1 column)",
                        "add column \"t\".\"new\" INTEGER NULL",
                        "drop column \"t\".\"old\" INTEGER NULL",
                        "add foreign key \"fk_a_z\" on \"a_first\" (\"z_id\") -> \"z\"(\"id\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void differ(String name, Schema current, Schema desired, List<String> expected) {
        List<Change> changes = Differ.diff(current, desired, DiffOptions.DEFAULTS);
        assertEquals(expected, changes.stream().map(Change::describe).toList());
        assertEquals(changes, ChangeOrder.sort(changes), "changes are in dependency-safe order");

        Schema after = ChangeApplier.apply(current, changes);
        assertEquals(List.of(), Differ.diff(after, desired, DiffOptions.DEFAULTS), "applying the changes reaches the desired schema");

        List<Change> down = new ArrayList<>(changes.stream().map(Change::inverse).toList());
        Collections.reverse(down);
        assertEquals(List.of(), Differ.diff(ChangeApplier.apply(after, down), current, DiffOptions.DEFAULTS),
                "applying the inverses in reverse returns to the current schema");
    }

    private static Arguments row(String name, Schema current, Schema desired, String... expected) {
        return Arguments.of(name, current, desired, List.of(expected));
    }
}
