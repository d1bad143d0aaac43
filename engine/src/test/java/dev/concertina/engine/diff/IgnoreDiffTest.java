package dev.concertina.engine.diff;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.Schema;
import dev.concertina.rules.IgnoreRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ignore rules apply to both sides before comparing; one row per rule kind. */
class IgnoreDiffTest {

    /** A rule for tests: kind + table + name (or column list), or an aspect of one column. */
    record Rule(ObjectKind kind, String table, String name, List<String> columns, Set<ColumnAspect> aspects) {}

    static IgnoreFilter filter(Rule... rules) {
        return new IgnoreFilter() {
            @Override
            public boolean ignores(ObjectKind kind, String table, String name, List<String> columns) {
                return Stream.of(rules).anyMatch(r -> r.aspects().isEmpty() && r.kind() == kind && r.table().equals(table)
                        && (r.name().equals(name) || (!r.columns().isEmpty() && r.columns().equals(columns))));
            }

            @Override
            public Set<ColumnAspect> ignoredAspects(String table, String column) {
                return Stream.of(rules).filter(r -> r.kind() == ObjectKind.COLUMN && r.table().equals(table) && r.name().equals(column))
                        .flatMap(r -> r.aspects().stream()).collect(java.util.stream.Collectors.toSet());
            }
        };
    }

    static Rule object(ObjectKind kind, String table, String name) { return new Rule(kind, table, name, List.of(), Set.of()); }
    static Rule byColumns(ObjectKind kind, String table, String... columns) { return new Rule(kind, table, "\u0000", List.of(columns), Set.of()); }
    static Rule aspects(String table, String column, ColumnAspect... a) { return new Rule(ObjectKind.COLUMN, table, column, List.of(), Set.of(a)); }

    static Stream<Arguments> cases() {
        var person = table("person", col("name", varchar(50)));
        return Stream.of(
                row("table only in the database (someone else's)", schema(person, table("audit_log")), schema(person),
                        object(ObjectKind.TABLE, "audit_log", "audit_log")),
                row("table only in the model", schema(person), schema(person, table("view_backing")),
                        object(ObjectKind.TABLE, "view_backing", "view_backing")),
                row("table on both sides, different", schema(table("legacy", col("a", INT))), schema(table("legacy", col("b", TEXT))),
                        object(ObjectKind.TABLE, "legacy", "legacy")),
                row("column on one side", schema(table("person", col("name", varchar(50)), col("tsv", TEXT))), schema(person),
                        object(ObjectKind.COLUMN, "person", "tsv")),
                row("column different on both sides", schema(table("person", col("name", varchar(50)))), schema(table("person", req("name", INT))),
                        object(ObjectKind.COLUMN, "person", "name")),
                row("index by name", schema(indexes(person, index("ix_trgm", "name"))), schema(person),
                        object(ObjectKind.INDEX, "person", "ix_trgm")),
                row("index by column list", schema(indexes(person, index("SYS_IDX_9", "name"))), schema(person),
                        byColumns(ObjectKind.INDEX, "person", "name")),
                row("unique", schema(uniques(person, unique("uk", "name"))), schema(person),
                        byColumns(ObjectKind.UNIQUE, "person", "name")),
                row("foreign key", schema(table("author"), fks(table("book", col("author_id", BIGINT)), fk("fk_x", "author_id", "author"))),
                        schema(table("author"), table("book", col("author_id", BIGINT))),
                        object(ObjectKind.FK, "book", "fk_x")),
                row("foreign key into an ignored table (only in the database)",
                        schema(table("legacy_owner"), fks(table("book", col("owner_id", BIGINT)), fk("fk_owner", "owner_id", "legacy_owner"))),
                        schema(table("book", col("owner_id", BIGINT))),
                        object(ObjectKind.TABLE, "legacy_owner", "legacy_owner")),
                row("foreign key into an ignored table (only in the model)",
                        schema(table("book", col("owner_id", BIGINT))),
                        schema(table("owner"), fks(table("book", col("owner_id", BIGINT)), fk("", "owner_id", "owner"))),
                        object(ObjectKind.TABLE, "owner", "owner")),
                row("check", schema(checks(person, check("ck_x", "name <> ''"))), schema(person),
                        object(ObjectKind.CHECK, "person", "ck_x")),
                row("sequence", schema(List.of(person), seq("hibernate_sequence", 1, 1)), schema(person),
                        object(ObjectKind.SEQUENCE, "hibernate_sequence", "hibernate_sequence")),
                row("aspect: default", schema(table("person", withDefault(col("name", varchar(50)), "'n/a'"))), schema(person),
                        aspects("person", "name", ColumnAspect.DEFAULT)),
                row("aspect: type", schema(table("person", col("name", TEXT))), schema(person),
                        aspects("person", "name", ColumnAspect.TYPE)),
                row("aspect: nullable", schema(table("person", req("name", varchar(50)))), schema(person),
                        aspects("person", "name", ColumnAspect.NULLABLE)),
                row("aspect: comment", schema(table("person", col("name", varchar(50)).withComment(Optional.of("x")))), schema(person),
                        aspects("person", "name", ColumnAspect.COMMENT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ignoredObjectsMakeNoDifference(String name, Schema current, Schema desired, Rule rule) {
        assertEquals(false, Differ.diff(current, desired, DiffOptions.DEFAULTS).isEmpty(), "differs without the rule");
        assertEquals(List.of(), Differ.diff(current, desired, DiffOptions.DEFAULTS.withIgnore(filter(rule))), "no difference with the rule");
        assertEquals(List.of(), Differ.diff(desired, current, DiffOptions.DEFAULTS.withIgnore(filter(rule))), "both sides: the other way round too");
    }

    @Test
    void ignoredAspectKeepsTheLiveValueWhileOtherAspectsChange() {
        Schema current = schema(table("person", withDefault(col("name", varchar(50)), "'n/a'")));
        Schema desired = schema(table("person", req("name", varchar(80))));
        List<Change> changes = Differ.diff(current, desired, DiffOptions.DEFAULTS.withIgnore(filter(aspects("person", "name", ColumnAspect.DEFAULT))));
        assertEquals(List.of("alter column \"person\".\"name\" type VARCHAR(50) -> VARCHAR(80), NULL -> NOT NULL"),
                changes.stream().map(Change::describe).toList());
        Change.AlterColumn alter = (Change.AlterColumn) changes.get(0);
        assertEquals(Optional.of("'n/a'"), alter.to().defaultValue(), "the ignored default is kept as it is in the database");
    }

    @Test
    void aForeignKeyIntoAnIgnoredTableIsIgnoredEvenInATableBeingAdded() {
        Schema current = schema(table("audit_user"));
        Schema desired = schema(table("audit_user"), fks(table("note", col("by_id", BIGINT)), fk("fk_note_by", "by_id", "audit_user")));
        assertEquals(List.of("add table \"note\" (2 columns)"), Differ.diff(current, desired,
                DiffOptions.DEFAULTS.withIgnore(filter(object(ObjectKind.TABLE, "audit_user", "audit_user")))).stream().map(Change::describe).toList());
    }

    @Test
    void commentsCanBeLeftOut() {
        Schema current = schema(table("person", col("name", varchar(50)).withComment(Optional.of("x"))).withComment(Optional.of("t")));
        Schema desired = schema(table("person", col("name", varchar(50))));
        assertEquals(2, Differ.diff(current, desired, DiffOptions.DEFAULTS).size());
        assertEquals(List.of(), Differ.diff(current, desired, DiffOptions.DEFAULTS.withCompareComments(false)));
    }

    @Test
    void theRulesFileDrivesTheDifferAndReportsStaleRules() {
        IgnoreRules rules = IgnoreRules.parse(String.join("\n",
                "table  audit_*                 reason \"owned by the audit service\"",
                "column person.tsv              reason \"full-text column kept by a trigger\"",
                "column person.name only default reason \"filled by the database\"",
                "check  person(age)             reason \"Hibernate's @Min/@Max check\"",
                "index  person(name)            reason \"built by ops\"",
                "table  nothing_like_this       reason \"stale on purpose\""), "concertina.ignore");
        Schema live = schema(
                indexes(checks(table("PERSON", withDefault(col("NAME", varchar(50)), "'?'"), col("AGE", INT), col("TSV", TEXT)),
                        check("PERSON_AGE_CHECK", "AGE >= 0 AND AGE <= 150")), index("IX_PERSON_NAME", "NAME")),
                table("AUDIT_LOG", col("WHO", TEXT)));
        Schema model = schema(table("PERSON", col("NAME", varchar(50)), col("AGE", INT)));
        assertEquals(List.of(), Differ.diff(live, model, DiffOptions.DEFAULTS.withIgnore(RulesFilter.of(rules))));
        assertEquals(List.of("table nothing_like_this"), rules.unused().stream().map(r -> r.kind().keyword() + " " + r.target()).toList());
    }

    @Test
    void checksAreNamedToRulesByTheColumnsTheyMention() {
        var t = table("person", col("age", INT), col("agent", TEXT));
        assertEquals(List.of("age"), Differ.mentioned(t, "age >= 0 AND \"AGE\" <= 150"));
        assertEquals(List.of("age", "agent"), Differ.mentioned(t, "age > 0 or agent is null"));
    }

    private static Arguments row(String name, Schema current, Schema desired, Rule rule) {
        return Arguments.of(name, current, desired, rule);
    }
}
