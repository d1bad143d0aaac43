package dev.concertina.engine.live;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnDetails;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.testdb.DbKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expected model of each {@code /live/<kind>-objects.sql} (every object and type of issue 12
 * item 2), built by hand from the DDL and the databases' documented behaviour.
 */
final class ObjectFixtureModels {

    private ObjectFixtureModels() {}

    static Schema expected(DbKind kind) {
        switch (kind) {
            case POSTGRES: return postgres();
            case MARIADB: return mariaDb();
            default: return h2();
        }
    }

    private static Schema postgres() {
        Table doc = Table.of("doc", List.of(
                        col("id", t(TypeKind.BIGINT), false).withIdentity(true).withDetails(identity("ALWAYS")),
                        col("owner", ColumnType.sized(TypeKind.VARCHAR, 50, ""), false),
                        col("title", t(TypeKind.CLOB), true).withDetails(ColumnDetails.NONE.withCollation(Optional.of("C"))),
                        col("body", t(TypeKind.JSONB), true),
                        col("meta", t(TypeKind.JSON), true),
                        col("tags", ColumnType.array(ColumnType.sized(TypeKind.VARCHAR, 30, ""), ""), true),
                        col("scores", ColumnType.array(t(TypeKind.INTEGER), ""), true),
                        col("pages", t(TypeKind.INTEGER).withModifier("domain positive_int"), true),
                        // an enum type's labels in their declared order
                        col("feeling", ColumnType.enumeration(List.of("sad", "ok", "happy"), "").withModifier("enum type mood"), true),
                        col("words", t(TypeKind.INTEGER), true).withDetails(generated("length(title)", true)),
                        col("live", t(TypeKind.BOOLEAN), false).withDefault(Optional.of("true")),
                        col("parent_id", t(TypeKind.BIGINT), true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))))
                .withUniques(List.of(new UniqueConstraint("uk_doc_owner_title", List.of("owner", "title"), Origin.UNKNOWN,
                        "DEFERRABLE INITIALLY DEFERRED")))
                .withForeignKeys(List.of(new ForeignKey("fk_doc_parent", List.of("parent_id"), "doc", List.of("id"),
                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, Origin.UNKNOWN, "DEFERRABLE")))
                .withIndexes(List.of(
                        index("doc_owner_live", true, List.of("owner"), details(List.of(), Set.of(), "live", "", List.of())),
                        index("doc_lower_owner", false, List.of("lower(owner)"), details(List.of(), Set.of(0), null, "", List.of())),
                        // PostgreSQL's defaults: NULLS LAST ascending, NULLS FIRST descending
                        index("doc_order", false, List.of("owner", "title", "id"),
                                details(List.of("DESC", "NULLS FIRST", "DESC NULLS LAST"), Set.of(), null, "", List.of())),
                        index("doc_body_gin", false, List.of("body"), details(List.of(), Set.of(), null, "gin", List.of())),
                        index("doc_id_brin", false, List.of("id"), details(List.of(), Set.of(), null, "brin", List.of())),
                        index("doc_owner_hash", false, List.of("owner"), details(List.of(), Set.of(), null, "hash", List.of())),
                        index("doc_owner_incl", false, List.of("owner"), details(List.of(), Set.of(), null, "", List.of("title")))))
                .withDependents(List.of(new Dependent("materialized view", "doc_count"), new Dependent("view", "doc_owners")));
        Table slot = Table.of("slot", List.of(
                        col("id", t(TypeKind.INTEGER), false).withIdentity(true).withDetails(identity("BY DEFAULT")),
                        col("during", ColumnType.unsupported("tsrange"), true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))));
        // s_own is owned by p2.id but no default uses it: a plain sequence, id no serial; k is a serial.
        Table p2 = Table.of("p2", List.of(
                        col("id", t(TypeKind.INTEGER), false),
                        col("s", t(TypeKind.CLOB), true),
                        col("n", t(TypeKind.INTEGER), true),
                        col("m", t(TypeKind.INTEGER), true),
                        col("k", t(TypeKind.INTEGER), false).withIdentity(true)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))))
                .withIndexes(List.of(
                        index("p2_ops", false, List.of("s"), details(List.of(), Set.of(), null, "", List.of())),
                        index("p2_coll", false, List.of("s"), details(List.of(), Set.of(), null, "", List.of())),
                        index("p2_nnd", true, List.of("n"), details(List.of(), Set.of(), null, "", List.of())),
                        index("p2_brin", false, List.of("m"), details(List.of(), Set.of(), null, "brin", List.of()))));
        return new Schema(List.of(doc, p2, slot), List.of(new Sequence("s_own", 1, 1, Origin.UNKNOWN))).withNotes(List.of(
                "not compared: collation C of index \"p2_coll\" on \"p2\"",
                "not compared: exclusion constraint \"slot_no_overlap\" on \"slot\"",
                "not compared: materialized view \"doc_count\"",
                "not compared: nulls not distinct of index \"p2_nnd\" on \"p2\"",
                "not compared: operator class text_pattern_ops of index \"p2_ops\" on \"p2\"",
                "not compared: storage parameters (pages_per_range=32) of index \"p2_brin\" on \"p2\"",
                "not compared: type of column \"slot\".\"during\" (tsrange): kept as the database has it",
                "not compared: unused domain \"unused_dom\"",
                "not compared: unused enum type \"unused_mood\"",
                "not compared: view \"doc_owners\""));
    }

    private static Schema mariaDb() {
        Table doc = Table.of("doc", List.of(
                        col("id", unsigned(t(TypeKind.INTEGER)), false).withIdentity(true),
                        col("owner", ColumnType.sized(TypeKind.VARCHAR, 50, ""), false),
                        col("title", ColumnType.sized(TypeKind.VARCHAR, 100, ""), true)
                                .withDetails(ColumnDetails.NONE.withCollation(Optional.of("utf8mb4_bin"))),
                        col("counter", unsigned(t(TypeKind.BIGINT)), false).withDefault(Optional.of("0")),
                        col("price", ColumnType.decimal(10, 2, "").withModifiers(List.of("unsigned", "zerofill")), true),
                        col("body", t(TypeKind.CLOB), true),
                        // MariaDB's json: a longtext (utf8mb4_bin) with check (json_valid(meta)), read as the json it was declared
                        col("meta", t(TypeKind.JSON), true),
                        // MariaDB's timestamp converts to and from the session zone
                        col("touched", ColumnType.temporal(TypeKind.TIMESTAMP_WITH_TIME_ZONE, 0, ""), false)
                                .withDefault(Optional.of("current_timestamp"))
                                .withDetails(ColumnDetails.NONE.withOnUpdate(Optional.of("current_timestamp"))),
                        col("changed", ColumnType.temporal(TypeKind.TIMESTAMP, 6, ""), true)
                                .withDetails(ColumnDetails.NONE.withOnUpdate(Optional.of("current_timestamp(6)"))),
                        // MariaDB stores length() as its synonym octet_length()
                        col("words", t(TypeKind.INTEGER), true).withDetails(generated("octet_length(title)", false)),
                        col("words_stored", t(TypeKind.INTEGER), true).withDetails(generated("octet_length(owner)", true)),
                        col("place", ColumnType.unsupported("point"), false)))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id"))))
                .withIndexes(List.of(
                        index("doc_body_ft", false, List.of("body"), details(List.of(), Set.of(), null, "fulltext", List.of())),
                        index("doc_place_sp", false, List.of("place"), details(List.of(), Set.of(), null, "spatial", List.of())),
                        index("doc_order", false, List.of("owner", "id"), details(List.of("DESC", ""), Set.of(), null, "", List.of()))))
                .withDependents(List.of(new Dependent("view", "doc_owners")));
        return new Schema(List.of(doc), List.of()).withNotes(List.of(
                "not compared: prefix index \"doc_owner_prefix\" on \"doc\"",
                "not compared: type of column \"doc\".\"place\" (point): kept as the database has it",
                "not compared: view \"doc_owners\""));
    }

    private static Schema h2() {
        Table doc = Table.of("DOC", List.of(
                        col("ID", t(TypeKind.BIGINT), false).withIdentity(true).withDetails(identity("ALWAYS")),
                        col("OWNER", ColumnType.sized(TypeKind.VARCHAR, 30, "").withModifier(ColumnType.IGNORECASE), false),
                        col("TITLE", ColumnType.sized(TypeKind.VARCHAR, 100, ""), true),
                        col("WORDS", t(TypeKind.INTEGER), true).withDetails(generated("char_length(title)", true)),
                        col("BODY", t(TypeKind.JSON), true),
                        col("LIVE", t(TypeKind.BOOLEAN), true).withDefault(Optional.of("true"))))
                .withPrimaryKey(Optional.of(new PrimaryKey("", List.of("ID"))))
                // H2's defaults: NULLS FIRST ascending, NULLS LAST descending
                .withIndexes(List.of(index("DOC_ORDER", false, List.of("OWNER", "TITLE", "ID"),
                        details(List.of("DESC", "NULLS LAST", "DESC NULLS FIRST"), Set.of(), null, "", List.of()))))
                .withDependents(List.of(new Dependent("view", "DOC_OWNERS")));
        return new Schema(List.of(doc), List.of()).withNotes(List.of("not compared: view \"DOC_OWNERS\""));
    }

    private static ColumnType t(TypeKind k) {
        return ColumnType.of(k, "");
    }

    private static ColumnType unsigned(ColumnType t) {
        return t.withModifier(ColumnType.UNSIGNED);
    }

    private static Column col(String name, ColumnType type, boolean nullable) {
        return Column.of(name, type, nullable);
    }

    private static ColumnDetails identity(String generation) {
        return ColumnDetails.NONE.withIdentityGeneration(Optional.of(generation));
    }

    private static ColumnDetails generated(String expression, boolean stored) {
        return ColumnDetails.NONE.withGenerated(Optional.of(expression), stored);
    }

    private static IndexDetails details(List<String> order, Set<Integer> expressions, String predicate, String method,
                                        List<String> include) {
        return new IndexDetails(order, expressions, Optional.ofNullable(predicate), method, include);
    }

    private static Index index(String name, boolean unique, List<String> columns, IndexDetails details) {
        return new Index(name, columns, unique, Origin.UNKNOWN, details);
    }
}
