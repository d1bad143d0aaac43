package dev.concertina.codegen;

import static dev.concertina.codegen.Models.bigint;
import static dev.concertina.codegen.Models.check;
import static dev.concertina.codegen.Models.col;
import static dev.concertina.codegen.Models.decimal;
import static dev.concertina.codegen.Models.f;
import static dev.concertina.codegen.Models.fk;
import static dev.concertina.codegen.Models.index;
import static dev.concertina.codegen.Models.integer;
import static dev.concertina.codegen.Models.pk;
import static dev.concertina.codegen.Models.schema;
import static dev.concertina.codegen.Models.table;
import static dev.concertina.codegen.Models.unique;
import static dev.concertina.codegen.Models.varchar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The codegen cases: one per change kind, plus a realistic plan and a naming case. */
final class Cases {

    private Cases() {}

    static final Column ID = col("id", bigint(), false);
    static final Table PERSON = table("person", pk("id"), ID, col("name", varchar(50), true));

    static Map<String, Scenario> all() {
        Map<String, Scenario> m = new TreeMap<>();
        for (Scenario s : list()) {
            m.put(s.name(), s);
        }
        return m;
    }

    static List<Scenario> list() {
        List<Scenario> out = new ArrayList<>();
        Table item = table("item", pk("id"), ID, col("person_id", bigint(), false), col("code", varchar(20), false),
                col("price", decimal(10, 2), false, "0"), col("note", varchar(200), true, "'none'"))
                .withUniques(List.of(unique("uq_item_code", "code")))
                .withIndexes(List.of(index("ix_item_person", false, "person_id")))
                .withChecks(List.of(check("ck_item_price", "price >= 0")));
        out.add(Scenario.of("add_table", schema(PERSON), schema(PERSON, item)));
        out.add(Scenario.of("drop_table", schema(PERSON, item), schema(PERSON)).notDowngradable());
        out.add(Scenario.of("add_column", schema(PERSON),
                schema(with(PERSON, col("email", varchar(200), true), col("score", integer(), false, "0")))));
        out.add(Scenario.of("add_column_not_null_backfill", schema(PERSON), schema(with(PERSON, col("status", varchar(10), false))))
                .hints(PlanHints.NONE.withBackfill("person", "status", "'active'"))
                .seed(Cases::seedPeople)
                .verify((dsl, d) -> assertEquals(List.of("active", "active"), strings(dsl, d, "person", "status"))));
        out.add(Scenario.of("drop_column", schema(with(PERSON, col("legacy", varchar(20), true))), schema(PERSON)).notDowngradable());
        out.add(Scenario.of("widen_type", schema(PERSON), schema(replace(PERSON, col("name", varchar(200), true)))));
        out.add(Scenario.of("narrow_type", schema(replace(PERSON, col("name", varchar(200), false, "'x'"))),
                schema(replace(PERSON, col("name", varchar(50), false, "'x'")))).seed(Cases::seedPeople));
        out.add(Scenario.of("set_not_null", schema(PERSON), schema(replace(PERSON, col("name", varchar(50), false)))).seed(Cases::seedPeople));
        out.add(Scenario.of("drop_not_null", schema(replace(PERSON, col("name", varchar(50), false))), schema(PERSON)));
        out.add(Scenario.of("set_default", schema(PERSON), schema(replace(PERSON, col("name", varchar(50), true, "'anonymous'")))));
        out.add(Scenario.of("drop_default", schema(replace(PERSON, col("name", varchar(50), true, "'anonymous'"))), schema(PERSON)));
        out.add(Scenario.of("rename_column", schema(PERSON), schema(replace(PERSON, "name", col("display_name", varchar(50), true))))
                .hints(PlanHints.NONE.withColumnRename("person", "name", "display_name"))
                .seed(Cases::seedPeople)
                .verify((dsl, d) -> assertEquals(List.of("Ada", "Bob"), strings(dsl, d, "person", "display_name"))));
        out.add(Scenario.of("convert_type", schema(with(PERSON, col("age", varchar(10), true))),
                schema(with(PERSON, col("age", integer(), true))))
                .seed((dsl, d) -> {
                    seedPeople(dsl, d);
                    dsl.update(DSL.table(name(d, "person"))).set(DSL.field(name(d, "age")), (Object) "36")
                            .where(DSL.field(name(d, "id")).eq(1L)).execute();
                })
                .verify((dsl, d) -> assertEquals(List.of("36", "null"), strings(dsl, d, "person", "age"))));
        out.add(Scenario.of("convert_hint", schema(with(PERSON, col("age", varchar(10), true))),
                schema(with(PERSON, col("age", integer(), true))))
                .hints(PlanHints.NONE.withConversion("person", "age", "CAST({old} AS INTEGER) + 1000", Optional.of("CAST({new} - 1000 AS VARCHAR(10))")))
                .seed((dsl, d) -> insert(dsl, d, "person", List.of("id", "name", "age"), 1L, "Ada", "36"))
                .verify((dsl, d) -> assertEquals(List.of("1036"), strings(dsl, d, "person", "age"))));
        out.add(Scenario.of("rename_convert_hint", schema(with(PERSON, col("age", varchar(10), true))),
                schema(with(PERSON, col("age_years", integer(), true))))
                .hints(PlanHints.NONE.withColumnRename("person", "age", "age_years")
                        .withConversion("person", "age_years", "CAST({old} AS INTEGER) + 1000", Optional.of("CAST({new} - 1000 AS VARCHAR(10))")))
                .seed((dsl, d) -> insert(dsl, d, "person", List.of("id", "name", "age"), 1L, "Ada", "36"))
                .verify((dsl, d) -> assertEquals(List.of("1036"), strings(dsl, d, "person", "age_years"))));
        Table people = table("people", pk("id"), ID, col("fullname", varchar(100), true), col("age", varchar(10), true),
                col("legacy", varchar(20), true));
        Table renamed = table("person", pk("id"), ID, col("name", varchar(100), true), col("age", integer(), true));
        out.add(Scenario.of("rename_table", schema(people), schema(renamed))
                .hints(PlanHints.NONE.withTableRename("people", "person").withColumnRename("person", "fullname", "name")
                        .withConversion("person", "age", "CAST({old} AS INTEGER) + 1000", Optional.of("CAST({new} - 1000 AS VARCHAR(10))")))
                .seed((dsl, d) -> {
                    insert(dsl, d, "people", List.of("id", "fullname", "age", "legacy"), 1L, "Ada", "36", "x");
                    insert(dsl, d, "people", List.of("id", "fullname", "age", "legacy"), 2L, "Bob", null, null);
                })
                .verify((dsl, d) -> {
                    assertEquals(List.of("Ada", "Bob"), strings(dsl, d, "person", "name"));
                    assertEquals(List.of("1036", "null"), strings(dsl, d, "person", "age"));
                })
                .notDowngradable());
        out.add(Scenario.of("add_index", schema(PERSON), schema(PERSON.withIndexes(List.of(index("ix_person_name", false, "name"))))));
        out.add(Scenario.of("drop_index", schema(PERSON.withIndexes(List.of(index("ix_person_name", false, "name")))), schema(PERSON)));
        out.add(Scenario.of("add_unique", schema(PERSON), schema(PERSON.withUniques(List.of(unique("uq_person_name", "name")))))
                .seed(Cases::seedPeople));
        out.add(Scenario.of("drop_unique", schema(PERSON.withUniques(List.of(unique("uq_person_name", "name")))), schema(PERSON)));
        out.add(Scenario.of("drop_unnamed_unique_and_foreign_key",
                schema(PERSON.withUniques(List.of(unique("", "name"))), table("pet", pk("id"), ID, col("owner_id", bigint(), true))
                        .withForeignKeys(List.of(fk("", List.of("owner_id"), "person", List.of("id"), ReferentialAction.NO_ACTION)))),
                schema(PERSON, table("pet", pk("id"), ID, col("owner_id", bigint(), true)))));
        Table pet = table("pet", pk("id"), ID, col("owner_id", bigint(), true));
        Table petWithFk = pet.withForeignKeys(List.of(fk("fk_pet_owner", List.of("owner_id"), "person", List.of("id"), ReferentialAction.CASCADE)));
        out.add(Scenario.of("add_foreign_key", schema(PERSON, pet), schema(PERSON, petWithFk)));
        out.add(Scenario.of("drop_foreign_key", schema(PERSON, petWithFk), schema(PERSON, pet)));
        out.add(Scenario.of("add_check", schema(PERSON), schema(PERSON.withChecks(List.of(check("ck_person_name", "id > 0")))))
                .seed(Cases::seedPeople));
        out.add(Scenario.of("drop_check", schema(PERSON.withChecks(List.of(check("ck_person_name", "id > 0")))), schema(PERSON)));
        Table counter = table("counter", pk("id"), col("id", bigint(), false).withIdentity(true), col("label", varchar(20), true));
        out.add(Scenario.of("add_table_with_identity", schema(PERSON), schema(PERSON, counter)));
        out.add(Scenario.of("add_sequence", schema(PERSON), withSequences(schema(PERSON), Models.sequence("person_seq", 1, 50))));
        out.add(Scenario.of("drop_sequence", withSequences(schema(PERSON), Models.sequence("person_seq", 1, 50)), schema(PERSON))
                .notDowngradable());
        Table keyless = Table.of("tag", List.of(col("id", bigint(), false), col("label", varchar(20), true)));
        out.add(Scenario.of("add_primary_key", schema(keyless), schema(keyless.withPrimaryKey(Optional.of(pk("id"))))));
        out.add(Scenario.of("drop_primary_key", schema(keyless.withPrimaryKey(Optional.of(pk("id")))), schema(keyless)));
        ColumnType twoStates = ColumnType.enumeration(List.of("ACTIVE", "DISABLED"), "enum('ACTIVE','DISABLED')");
        ColumnType threeStates = ColumnType.enumeration(List.of("ACTIVE", "DISABLED", "LOCKED"), "enum('ACTIVE','DISABLED','LOCKED')");
        out.add(Scenario.of("add_enum_column", schema(PERSON), schema(with(PERSON, col("status", twoStates, true, "'ACTIVE'"))))
                .seed(Cases::seedPeople)
                .verify((dsl, d) -> assertEquals(List.of("ACTIVE", "ACTIVE"), strings(dsl, d, "person", "status"))));
        out.add(Scenario.of("alter_enum_values", schema(with(PERSON, col("status", twoStates, false, "'ACTIVE'"))),
                        schema(with(PERSON, col("status", threeStates, false, "'ACTIVE'"))))
                .seed((dsl, d) -> insert(dsl, d, "person", List.of("id", "name", "status"), 1L, "Ada", "DISABLED"))
                .verify((dsl, d) -> {
                    insert(dsl, d, "person", List.of("id", "name", "status"), 2L, "Bob", "LOCKED");
                    assertEquals(List.of("DISABLED", "LOCKED"), strings(dsl, d, "person", "status"));
                    // The downgrade would rightly refuse a value the old type lacks.
                    dsl.deleteFrom(DSL.table(name(d, "person"))).where(DSL.field(name(d, "id")).eq(2L)).execute();
                }));
        // As read on PostgreSQL from Hibernate's DDL: @Lob String / byte[] (oid), OffsetDateTime, an enum in a varchar(20).
        Table document = table("document", pk("id"), ID,
                col("body", ColumnType.largeObject(Optional.of(TypeKind.CLOB), "oid"), true),
                col("scan", ColumnType.largeObject(Optional.of(TypeKind.BLOB), "oid"), true),
                col("notes", ColumnType.of(TypeKind.CLOB, "text"), true),
                col("thumbnail", ColumnType.of(TypeKind.BLOB, "bytea"), true),
                col("signed_at", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamp(6) with time zone"), false),
                col("filed_at", ColumnType.temporal(TypeKind.TIMESTAMP, 3, "timestamp(3) without time zone"), true),
                col("kind", ColumnType.enumeration(List.of("LETTER", "MEMO"), OptionalInt.of(20), "varchar(20)"), false));
        out.add(Scenario.of("add_table_portable_types", schema(PERSON), schema(PERSON, document)));
        out.add(realistic());
        out.add(naming());
        return out;
    }

    /** Add table + column + index + FK, rename a column via sync, convert a type, drop a column, tighten NOT NULL. */
    static Scenario realistic() {
        Table person = table("person", pk("id"), ID, col("fullname", varchar(100), true), col("age", varchar(10), true),
                col("nickname", varchar(50), true), col("email", varchar(200), true));
        Table personAfter = table("person", pk("id"), ID, col("display_name", varchar(100), true), col("age", integer(), true),
                col("email", varchar(200), false), col("phone", varchar(30), true))
                .withIndexes(List.of(index("ix_person_email", false, "email")));
        Table address = table("address", pk("id"), ID, col("person_id", bigint(), false), col("city", varchar(100), false, "'unknown'"))
                .withIndexes(List.of(index("ix_address_person", false, "person_id")))
                .withForeignKeys(List.of(fk("fk_address_person", List.of("person_id"), "person", List.of("id"), ReferentialAction.CASCADE)));
        return new Scenario("realistic", schema(person), schema(personAfter, address),
                PlanHints.NONE.withColumnRename("person", "fullname", "display_name").withNoRename("person", "nickname"), "Addresses, display name and numeric age",
                (dsl, d) -> {
                    insert(dsl, d, "person", List.of("id", "fullname", "age", "nickname", "email"), 1L, "Ada Lovelace", "36", "ada", "ada@example.com");
                    insert(dsl, d, "person", List.of("id", "fullname", "age", "nickname", "email"), 2L, "Bob", null, null, "bob@example.com");
                },
                (dsl, d) -> {
                    assertEquals(List.of("Ada Lovelace", "Bob"), strings(dsl, d, "person", "display_name"));
                    assertEquals(List.of("36", "null"), strings(dsl, d, "person", "age"));
                },
                false);
    }

    /** Mixed-case (exact) and reserved-word (folding) names. */
    static Scenario naming() {
        Table group = table("Group", pk("id"), ID, col("order", integer(), true), col("Name", varchar(50), true));
        Table groupAfter = table("Group", pk("id"), ID, col("order", integer(), true), col("Name", varchar(50), false, "'x'"),
                col("user", varchar(20), true))
                .withIndexes(List.of(index("ix_Group_Name", false, "Name", "order")));
        Table select = table("select", pk("id"), ID, col("Group_id", bigint(), true))
                .withForeignKeys(List.of(fk("fk_select_group", List.of("Group_id"), "Group", List.of("id"), ReferentialAction.NO_ACTION)));
        return Scenario.of("naming", schema(group), schema(groupAfter, select))
                .seed((dsl, d) -> insert(dsl, d, "Group", List.of("id", "order", "Name"), 1L, 7, "first"));
    }

    static Schema withSequences(Schema s, dev.concertina.engine.model.Sequence... sequences) {
        return new Schema(s.tables(), List.of(sequences)).sorted();
    }

    static Table with(Table t, Column... added) {
        List<Column> cs = new ArrayList<>(t.columns());
        cs.addAll(List.of(added));
        return t.withColumns(cs);
    }

    static Table replace(Table t, Column c) {
        return replace(t, c.name(), c);
    }

    static Table replace(Table t, String name, Column c) {
        return t.withColumns(t.columns().stream().map(x -> x.name().equals(name) ? c : x).toList());
    }

    static org.jooq.Name name(Dialect d, String n) {
        return DSL.quotedName(f(n, d));
    }

    static void seedPeople(DSLContext dsl, Dialect d) {
        insert(dsl, d, "person", List.of("id", "name"), 1L, "Ada");
        insert(dsl, d, "person", List.of("id", "name"), 2L, "Bob");
    }

    static void insert(DSLContext dsl, Dialect d, String table, List<String> columns, Object... values) {
        dsl.insertInto(DSL.table(name(d, table)), columns.stream().map(c -> DSL.field(name(d, c))).toList())
                .values(values).execute();
    }

    /** The values of one column by id, as text ({@code "null"} for NULL). */
    static List<String> strings(DSLContext dsl, Dialect d, String table, String column) {
        List<String> out = new ArrayList<>();
        for (Record r : dsl.select(DSL.field(name(d, column))).from(DSL.table(name(d, table))).orderBy(DSL.field(name(d, "id"))).fetch()) {
            out.add(String.valueOf(r.get(0)));
        }
        return out;
    }

    static Optional<Scenario> named(String name) {
        return Optional.ofNullable(all().get(name));
    }

    static Schema unused() {
        return Schema.EMPTY;
    }
}
