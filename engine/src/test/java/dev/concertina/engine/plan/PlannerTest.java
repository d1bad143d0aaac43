package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ChangeApplier;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Dependent;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner, one row per case: current and desired schema (diffed), hints, then the expected
 * steps of each phase and the hazard codes of each phase. Steps read {@code ddl:<change kind>} or
 * the runtime step's kind. Together the rows cover every change kind, every phase rule of
 * docs/planner.md and every hazard code ({@link #everyHazardCodeIsExercised}).
 */
class PlannerTest {

    static final PlanHints NONE = PlanHints.NONE;

    static Stream<Arguments> cases() {
        var person = table("person", col("name", varchar(50)));
        var author = table("author");
        var book = table("book", col("author_id", BIGINT));
        var bookFk = fks(book, fk("fk_book_author", "author_id", "author"));
        return Stream.of(
                // --------------------------------------------------------------- tables
                row("add table", schema(), schema(person), NONE,
                        "ddl:add_table", "", "", ""),
                row("drop table", schema(person), schema(), NONE,
                        "", "ddl:drop_table", "", "BREAKS_OLD_CODE DELETES_DATA"),
                row("drop table a view and a trigger depend on: named", schema(person.withDependents(List.of(
                                new Dependent("view", "person_names"), new Dependent("trigger", "person_audit")))), schema(), NONE,
                        "", "ddl:drop_table", "", "BREAKS_OLD_CODE DELETES_DATA DEPENDENT_OBJECTS"),
                row("table comment", schema(person), schema(person.withComment(Optional.of("people"))), NONE,
                        "ddl:alter_table_comment", "", "", ""),
                row("rename table (hint): new table, table sync, copy", schema(person), schema(person.withName("people")),
                        NONE.withTableRename("person", "people"),
                        "ddl:add_table install_table_sync copy_rows", "drop_table_sync ddl:drop_table", "BACKFILL", "BREAKS_OLD_CODE"),
                row("rename table without a primary key: guard", schema(person.withPrimaryKey(Optional.empty())),
                        schema(person.withName("people").withPrimaryKey(Optional.empty())), NONE.withTableRename("person", "people"),
                        "install_guard ddl:add_table", "drop_guard ddl:drop_table", "WRITES_BLOCKED", "BREAKS_OLD_CODE DELETES_DATA"),
                row("rename table with a new NOT NULL column: nullable until contract", schema(person),
                        schema(table("people", col("name", varchar(50)), req("rank", INT))), NONE.withTableRename("person", "people"),
                        "ddl:add_table install_table_sync copy_rows", "drop_table_sync ddl:drop_table check_existing_rows ddl:alter_column",
                        "BACKFILL", "BREAKS_OLD_CODE MAY_FAIL_ON_EXISTING_ROWS"),
                // --------------------------------------------------------------- add column
                row("add nullable column", schema(person), schema(table("person", col("name", varchar(50)), col("email", TEXT))), NONE,
                        "ddl:add_column", "", "", ""),
                row("add NOT NULL column with default", schema(person), schema(table("person", col("name", varchar(50)), withDefault(req("age", INT), "0"))), NONE,
                        "ddl:add_column", "", "", ""),
                row("add column with volatile default", schema(person),
                        schema(table("person", col("name", varchar(50)), withDefault(req("at", TIMESTAMP), "now()"))), NONE,
                        "ddl:add_column", "", "TABLE_REWRITE", ""),
                row("add identity column", schema(table("t", col("a", INT))), schema(table("t", col("a", INT), req("n", BIGINT).withIdentity(true))), NONE,
                        "ddl:add_column", "", "TABLE_REWRITE", ""),
                row("add NOT NULL column without default: split", schema(person), schema(table("person", col("name", varchar(50)), req("age", INT))), NONE,
                        "ddl:add_column", "check_existing_rows ddl:alter_column", "",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                row("add NOT NULL column, value derivable (hint): backfill", schema(person), schema(table("person", col("name", varchar(50)), req("age", INT))),
                        NONE.withBackfill("person", "age", "0"),
                        "ddl:add_column backfill", "backfill check_existing_rows ddl:alter_column", "BACKFILL",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                row("add generated column: computed for every row", schema(person),
                        schema(table("person", col("name", varchar(50)), generated(col("len", INT), "length(name)"))), NONE,
                        "ddl:add_column", "", "TABLE_REWRITE", ""),
                row("collation changed: contract", schema(table("t", collated(col("code", varchar(9)), "C"))),
                        schema(table("t", collated(col("code", varchar(9)), "POSIX"))), NONE,
                        "", "ddl:alter_column", "", "BREAKS_OLD_CODE INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                row("collation stated on a column without one: contract", schema(table("t", col("code", varchar(9)))),
                        schema(table("t", collated(col("code", varchar(9)), "C"))), NONE,
                        "", "ddl:alter_column", "", "BREAKS_OLD_CODE INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                row("collation not stated: kept as the database has it", schema(table("t", collated(col("code", varchar(9)), "C"))),
                        schema(table("t", col("code", varchar(9)))), NONE,
                        "", "", "", ""),
                row("generated expression changed: dropped and added in contract", schema(table("t", col("a", INT), generated(col("g", INT), "a * 2"))),
                        schema(table("t", col("a", INT), generated(col("g", INT), "a * 3"))), NONE,
                        "", "ddl:alter_column", "", "BREAKS_OLD_CODE DELETES_DATA TABLE_REWRITE"),
                // --------------------------------------------------------------- drop column
                row("drop nullable column", schema(table("person", col("name", varchar(50)), col("email", TEXT))), schema(person), NONE,
                        "", "ddl:drop_column", "", "BREAKS_OLD_CODE DELETES_DATA"),
                row("drop NOT NULL column: relaxed first so new code can insert", schema(table("person", col("name", varchar(50)), req("age", INT))), schema(person), NONE,
                        "ddl:alter_column", "ddl:drop_column", "", "BREAKS_OLD_CODE DELETES_DATA"),
                // --------------------------------------------------------------- types
                row("widen VARCHAR(50) -> VARCHAR(60)", schema(person), schema(table("person", col("name", varchar(60)))), NONE,
                        "ddl:alter_column", "", "TABLE_REWRITE", ""),
                row("widen INTEGER -> BIGINT", schema(table("t", col("n", INT))), schema(table("t", col("n", BIGINT))), NONE,
                        "ddl:alter_column", "", "BACKFILL TABLE_REWRITE", ""),
                row("widen DECIMAL(10,2) -> DECIMAL(12,2)", schema(table("t", col("n", decimal(10, 2)))), schema(table("t", col("n", decimal(12, 2)))), NONE,
                        "ddl:alter_column", "", "TABLE_REWRITE", ""),
                row("enum value added: widen", schema(table("t", col("s", enumOf("A", "B")))), schema(table("t", col("s", enumOf("A", "B", "C")))), NONE,
                        "ddl:alter_column", "", "TABLE_REWRITE", ""),
                row("enum value inserted: widen, MariaDB copies", schema(table("t", col("s", enumOf("A", "C")))), schema(table("t", col("s", enumOf("A", "B", "C")))), NONE,
                        "ddl:alter_column", "", "TABLE_REWRITE", ""),
                row("narrow VARCHAR(200) -> VARCHAR(50)", schema(table("person", col("name", varchar(200)))), schema(person), NONE,
                        "", "check_existing_rows ddl:alter_column", "", "BACKFILL BREAKS_OLD_CODE MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                row("narrow BIGINT -> INTEGER", schema(table("t", col("n", BIGINT))), schema(table("t", col("n", INT))), NONE,
                        "", "check_existing_rows ddl:alter_column", "", "BACKFILL BREAKS_OLD_CODE MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                row("enum value removed: narrow", schema(table("t", col("s", enumOf("A", "B", "C")))), schema(table("t", col("s", enumOf("A", "B")))), NONE,
                        "", "check_existing_rows ddl:alter_column", "", "BREAKS_OLD_CODE MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                row("incompatible type, same name, no conversion: guard", schema(person), schema(table("person", col("name", INT))), NONE,
                        "install_guard", "check_existing_rows convert_column drop_guard", "WRITES_BLOCKED",
                        "BACKFILL BREAKS_OLD_CODE MAY_FAIL_ON_EXISTING_ROWS"),
                row("incompatible type, same name, safe default cast", schema(table("t", col("n", INT))), schema(table("t", col("n", varchar(20)))), NONE,
                        "install_guard", "convert_column drop_guard", "WRITES_BLOCKED", "BACKFILL BREAKS_OLD_CODE"),
                // --------------------------------------------------------------- nullability, default, identity, comment
                row("NOT NULL -> NULL: relax", schema(table("person", req("name", varchar(50)))), schema(person), NONE,
                        "ddl:alter_column", "", "", ""),
                row("NULL -> NOT NULL: tighten", schema(person), schema(table("person", req("name", varchar(50)))), NONE,
                        "", "check_existing_rows ddl:alter_column", "", "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                row("NULL -> NOT NULL with a new default: backfill from it", schema(person), schema(table("person", withDefault(req("name", varchar(50)), "'?'"))), NONE,
                        "ddl:alter_column backfill", "backfill check_existing_rows ddl:alter_column", "BACKFILL",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                row("set default", schema(person), schema(table("person", withDefault(col("name", varchar(50)), "'x'"))), NONE,
                        "ddl:alter_column", "", "", ""),
                row("change default", schema(table("person", withDefault(col("name", varchar(50)), "'x'"))),
                        schema(table("person", withDefault(col("name", varchar(50)), "'y'"))), NONE,
                        "ddl:alter_column", "", "", ""),
                row("drop default", schema(table("person", withDefault(col("name", varchar(50)), "'x'"))), schema(person), NONE,
                        "", "ddl:alter_column", "", "BREAKS_OLD_CODE"),
                row("add identity", schema(table("t", req("n", BIGINT))), schema(table("t", req("n", BIGINT).withIdentity(true))), NONE,
                        "ddl:alter_column", "", "TABLE_REWRITE", ""),
                row("drop identity", schema(table("t", req("n", BIGINT).withIdentity(true))), schema(table("t", req("n", BIGINT))), NONE,
                        "", "ddl:alter_column", "", "BREAKS_OLD_CODE"),
                row("column comment", schema(person), schema(table("person", col("name", varchar(50)).withComment(Optional.of("c")))), NONE,
                        "ddl:alter_column", "", "", ""),
                row("widen and tighten in one change: split by aspect", schema(person), schema(table("person", req("name", varchar(60)))), NONE,
                        "ddl:alter_column", "check_existing_rows ddl:alter_column", "TABLE_REWRITE",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                // --------------------------------------------------------------- column renames
                row("rename column (hint), same type: add, sync, backfill", schema(table("person", col("fullname", varchar(50)))),
                        schema(table("person", col("display_name", varchar(50)))), NONE.withColumnRename("person", "fullname", "display_name"),
                        "ddl:add_column install_sync backfill", "drop_sync ddl:drop_column", "BACKFILL", "BREAKS_OLD_CODE"),
                row("rename NOT NULL column: old one relaxed first, new one tightened in contract", schema(table("person", req("fullname", varchar(50)))),
                        schema(table("person", req("display_name", varchar(50)))), NONE.withColumnRename("person", "fullname", "display_name"),
                        "ddl:add_column install_sync backfill", "ddl:alter_column drop_sync ddl:drop_column check_existing_rows ddl:alter_column",
                        "BACKFILL",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                row("rename with widening: casts both ways", schema(table("t", col("n", INT))), schema(table("t", col("m", BIGINT))),
                        NONE.withColumnRename("t", "n", "m"),
                        "ddl:add_column install_sync backfill", "drop_sync ddl:drop_column", "BACKFILL CONVERSION_MAY_FAIL", "BREAKS_OLD_CODE"),
                row("rename with incompatible type, safe default cast", schema(table("t", col("n", INT))), schema(table("t", col("s", varchar(20)))),
                        NONE.withColumnRename("t", "n", "s"),
                        "ddl:add_column install_sync backfill", "drop_sync ddl:drop_column", "BACKFILL CONVERSION_MAY_FAIL", "BREAKS_OLD_CODE"),
                row("rename with conversion hint both ways", schema(table("t", col("cents", BIGINT))), schema(table("t", col("amount", decimal(12, 2)))),
                        NONE.withColumnRename("t", "cents", "amount").withConversion("t", "amount", "{old} / 100.0", Optional.of("{new} * 100")),
                        "check_existing_rows ddl:add_column install_sync backfill", "drop_sync ddl:drop_column",
                        "BACKFILL CONVERSION_MAY_FAIL MAY_FAIL_ON_EXISTING_ROWS", "BREAKS_OLD_CODE"),
                row("rename with one-way conversion hint: guard", schema(table("t", col("at", TIMESTAMP))), schema(table("t", col("day", DATE))),
                        NONE.withColumnRename("t", "at", "day").withConversion("t", "day", "CAST({old} AS DATE)", Optional.empty()),
                        "install_guard check_existing_rows ddl:add_column backfill", "ddl:drop_column drop_guard",
                        "BACKFILL MAY_FAIL_ON_EXISTING_ROWS WRITES_BLOCKED", "BREAKS_OLD_CODE"),
                row("rename with no conversion, loss accepted by a backfill: guard, new values", schema(table("t", col("doc", JSON))),
                        schema(table("t", col("n", INT))), NONE.withColumnRename("t", "doc", "n").withBackfill("t", "n", "0"),
                        "install_guard ddl:add_column backfill", "ddl:drop_column drop_guard", "BACKFILL WRITES_BLOCKED",
                        "BREAKS_OLD_CODE DELETES_DATA"),
                row("denied rename: drop and add", schema(table("person", col("fullname", varchar(50)))), schema(table("person", col("display_name", varchar(50)))),
                        NONE.withNoRename("person", "fullname"),
                        "ddl:add_column", "ddl:drop_column", "", "BREAKS_OLD_CODE DELETES_DATA"),
                // --------------------------------------------------------------- primary key
                row("primary key added", schema(person.withPrimaryKey(Optional.empty())), schema(person), NONE,
                        "check_existing_rows ddl:alter_primary_key", "", "INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE", ""),
                row("primary key changed", schema(person), schema(person.withPrimaryKey(Optional.of(new PrimaryKey("", List.of("id", "name"))))), NONE,
                        "", "check_existing_rows ddl:alter_primary_key", "", "BREAKS_OLD_CODE INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE"),
                // --------------------------------------------------------------- indexes
                row("add index", schema(person), schema(indexes(person, index("ix_name", "name"))), NONE,
                        "ddl:add_index", "", "INDEX_BUILD", ""),
                row("add unique index", schema(person), schema(indexes(person, uniqueIndex("ux_name", "name"))), NONE,
                        "check_existing_rows ddl:add_index", "", "INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS", ""),
                row("add table with index: no build hazard", schema(), schema(indexes(person, index("ix_name", "name"))), NONE,
                        "ddl:add_table", "", "", ""),
                row("drop index", schema(indexes(person, index("ix_name", "name"))), schema(person), NONE,
                        "", "ddl:drop_index", "", ""),
                row("unique index made plain: loosen, both in expand", schema(indexes(person, uniqueIndex("ix", "name"))),
                        schema(indexes(person, index("ix", "name"))), NONE,
                        "ddl:drop_index ddl:add_index", "", "INDEX_BUILD", ""),
                row("plain index made unique: both in contract", schema(indexes(person, index("ix", "name"))),
                        schema(indexes(person, uniqueIndex("ix", "name"))), NONE,
                        "", "ddl:drop_index check_existing_rows ddl:add_index", "", "INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS"),
                // --------------------------------------------------------------- uniques
                row("add unique", schema(person), schema(uniques(person, unique("uk", "name"))), NONE,
                        "check_existing_rows ddl:add_unique", "", "INDEX_BUILD MAY_FAIL_ON_EXISTING_ROWS", ""),
                row("drop unique", schema(uniques(person, unique("uk", "name"))), schema(person), NONE,
                        "", "ddl:drop_unique", "", ""),
                // --------------------------------------------------------------- foreign keys
                row("add foreign key on existing tables", schema(author, book), schema(author, bookFk), NONE,
                        "check_existing_rows ddl:add_foreign_key", "", "LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS", ""),
                row("add tables with foreign key: nothing to check", schema(), schema(author, bookFk), NONE,
                        "ddl:add_table ddl:add_table ddl:add_foreign_key", "", "", ""),
                row("drop foreign key", schema(author, bookFk), schema(author, book), NONE,
                        "", "ddl:drop_foreign_key", "", ""),
                row("foreign key changed: both in contract", schema(author, bookFk),
                        schema(author, fks(book, new ForeignKey("fk_book_author", List.of("author_id"), "author", List.of("id"),
                                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, Origin.UNKNOWN))), NONE,
                        "", "ddl:drop_foreign_key check_existing_rows ddl:add_foreign_key", "",
                        "LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS VALIDATES_ROWS"),
                // --------------------------------------------------------------- checks
                row("add check", schema(person), schema(checks(person, check("ck", "length(name) > 0"))), NONE,
                        "check_existing_rows ddl:add_check", "", "LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE VALIDATES_ROWS", ""),
                row("drop check", schema(checks(person, check("ck", "length(name) > 0"))), schema(person), NONE,
                        "", "ddl:drop_check", "", ""),
                row("enum check gains a value: loosen, expand", schema(checks(table("t", col("status", varchar(10))), check("t_status_check", "status in ('A','B')"))),
                        schema(checks(table("t", col("status", varchar(10))), check("", "status in ('A','B','C')"))), NONE,
                        "ddl:drop_check ddl:add_check", "", "LONG_LOCK TABLE_REWRITE VALIDATES_ROWS", ""),
                row("enum check loses a value: tighten, contract", schema(checks(table("t", col("status", varchar(10))), check("t_status_check", "status in ('A','B','C')"))),
                        schema(checks(table("t", col("status", varchar(10))), check("", "status in ('A','B')"))), NONE,
                        "", "ddl:drop_check check_existing_rows ddl:add_check", "",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE VALIDATES_ROWS"),
                row("ordinal enum check range grows: loosen, expand", schema(checks(table("t", col("kind", SMALLINT)), check("t_kind_check", "kind >= 0 and kind <= 2"))),
                        schema(checks(table("t", col("kind", SMALLINT)), check("", "kind >= 0 and kind <= 3"))), NONE,
                        "ddl:drop_check ddl:add_check", "", "LONG_LOCK TABLE_REWRITE VALIDATES_ROWS", ""),
                row("ordinal enum check range shrinks: tighten, contract", schema(checks(table("t", col("kind", SMALLINT)), check("t_kind_check", "kind >= 0 and kind <= 3"))),
                        schema(checks(table("t", col("kind", SMALLINT)), check("", "kind >= 0 and kind <= 2"))), NONE,
                        "", "ddl:drop_check check_existing_rows ddl:add_check", "",
                        "BREAKS_OLD_CODE LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE VALIDATES_ROWS"),
                row("unrelated checks replaced: add in expand, drop in contract", schema(checks(person, check("ck_a", "length(name) > 0"))),
                        schema(checks(person, check("ck_b", "name <> 'x'"))), NONE,
                        "check_existing_rows ddl:add_check", "ddl:drop_check", "LONG_LOCK MAY_FAIL_ON_EXISTING_ROWS TABLE_REWRITE VALIDATES_ROWS", ""),
                // --------------------------------------------------------------- sequences
                row("add sequence", schema(), schema(List.of(), seq("s", 1, 50)), NONE,
                        "ddl:add_sequence", "", "", ""),
                row("drop sequence", schema(List.of(), seq("s", 1, 50)), schema(), NONE,
                        "", "ddl:drop_sequence", "", "BREAKS_OLD_CODE DELETES_DATA"),
                row("sequence increment changed", schema(List.of(), seq("s", 1, 1)), schema(List.of(), seq("s", 1, 50)), NONE,
                        "", "ddl:alter_sequence", "", "BREAKS_OLD_CODE"),
                row("sequence start changed", schema(List.of(), seq("s", 1, 50)), schema(List.of(), seq("s", 1000, 50)), NONE,
                        "ddl:alter_sequence", "", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planner(String name, Schema current, Schema desired, PlanHints hints,
                 String expandSteps, String contractSteps, String expandHazards, String contractHazards) {
        Plan plan = Planner.plan(Differ.diff(current, desired, DiffOptions.DEFAULTS), hints);
        assertEquals(List.of(), plan.possibleRenames(), "no open renames in these rows");
        assertEquals(expandSteps, steps(plan, Branch.EXPAND), "expand steps");
        assertEquals(contractSteps, steps(plan, Branch.CONTRACT), "contract steps");
        assertEquals(expandHazards, codes(plan, Branch.EXPAND), "expand hazards");
        assertEquals(contractHazards, codes(plan, Branch.CONTRACT), "contract hazards");
        for (PlannedChange p : plan.changes()) {
            assertTrue(!p.why().isBlank(), "every change says why it is where it is");
        }

        // The phases compose: expand then contract reaches the model; expand then its downgrade
        // returns to where it started.
        Schema expanded = applyDdl(current, plan.expand());
        assertEquals(List.of(), Differ.diff(applyDdl(expanded, plan.contract()), desired, DiffOptions.DEFAULTS), "expand + contract = model");
        assertEquals(List.of(), Differ.diff(applyDdl(expanded, plan.downgrade(Branch.EXPAND)), current, DiffOptions.DEFAULTS), "expand downgrade");
        Schema contracted = applyDdl(expanded, plan.contract());
        assertEquals(List.of(), Differ.diff(applyDdl(contracted, plan.downgrade(Branch.CONTRACT)), expanded, DiffOptions.DEFAULTS), "contract downgrade");
    }

    /** The schema after the DDL of {@code steps} (runtime steps change rows, not the schema). */
    static Schema applyDdl(Schema s, List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Ddl d) {
                s = ChangeApplier.apply(s, d.change());
            } else if (step instanceof Step.ConvertColumn c) {
                s = ChangeApplier.apply(s, new Change.AlterColumn(c.table(), c.from(), c.to(), Set.of(ColumnAspect.TYPE)));
            }
        }
        return s;
    }

    @Test
    void everyHazardCodeIsExercised() {
        Set<String> seen = new TreeSet<>();
        cases().forEach(a -> {
            seen.addAll(List.of(((String) a.get()[6]).split(" ")));
            seen.addAll(List.of(((String) a.get()[7]).split(" ")));
        });
        seen.remove("");
        assertEquals(EnumSet.allOf(HazardCode.class).stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)), seen);
    }

    @Test
    void everyChangeKindIsPlannedByARow() {
        Set<String> seen = new TreeSet<>();
        cases().forEach(a -> {
            Plan plan = Planner.plan(Differ.diff((Schema) a.get()[1], (Schema) a.get()[2], DiffOptions.DEFAULTS), (PlanHints) a.get()[3]);
            plan.changes().forEach(p -> seen.add(p.change().getClass().getSimpleName()));
        });
        assertEquals(Stream.of(Change.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new)), seen);
    }

    static String steps(Plan plan, Branch phase) {
        return plan.steps(phase).stream()
                .map(s -> s instanceof Step.Ddl d ? "ddl:" + d.change().kind() : s.kind())
                .collect(Collectors.joining(" "));
    }

    static String codes(Plan plan, Branch phase) {
        return plan.hazards(phase).stream().map(h -> h.code().name()).distinct().sorted().collect(Collectors.joining(" "));
    }

    private static Arguments row(String name, Schema current, Schema desired, PlanHints hints,
                                 String expandSteps, String contractSteps, String expandHazards, String contractHazards) {
        return Arguments.of(name, current, desired, hints, expandSteps, contractSteps, expandHazards, contractHazards);
    }


    /** Set.copyOf iterates in an order that changes between JVM runs; an altered column's aspects must not. */
    @Test
    void alterColumnAspectsAndReasonsFollowDeclarationOrder() {
        var from = col("label", varchar(50));
        var to = withDefault(req("label", varchar(20)), "'x'").withComment(Optional.of("shown to users"));
        var change = new Change.AlterColumn("person", from, to,
                Set.of(ColumnAspect.COMMENT, ColumnAspect.DEFAULT, ColumnAspect.NULLABLE, ColumnAspect.TYPE));
        List<ColumnAspect> declared = List.of(ColumnAspect.TYPE, ColumnAspect.NULLABLE, ColumnAspect.DEFAULT, ColumnAspect.COMMENT);
        assertEquals(declared, List.copyOf(change.aspects()));
        assertEquals(declared, List.copyOf(((Change.AlterColumn) change.inverse()).aspects()));
        PlannedChange planned = Planner.plan(List.of(change), NONE).changes().get(0);
        assertEquals("narrowing the type waits until old code, which may write wider values, is gone; "
                + "NOT NULL waits until old code, which may write NULL, is gone; "
                + "a new default only fills values old code leaves out; a comment does not affect code", planned.why());
        // Hazards of several aspects merge into one detail, in the same order.
        assertEquals(List.of("values that do not fit " + varchar(20) + "; rows with NULL in \"label\""), planned.hazards().stream()
                .filter(h -> h.code() == HazardCode.MAY_FAIL_ON_EXISTING_ROWS).map(Hazard::detail).toList());
    }

    /** A stale hint that reaches the planner twice (rules file and annotation, say) is one warning. */
    @Test
    void aStaleHintGivenTwiceIsWarnedOnce() {
        var person = table("person", col("name", varchar(50)));
        PlanHints twice = NONE.withColumnRename("person", "nickname", "alias").withColumnRename("person", "nickname", "alias");
        Plan p = Planner.plan(Differ.diff(schema(person), schema(person), DiffOptions.DEFAULTS), twice);
        assertEquals(List.of("rename hint person.nickname=alias matches nothing: no dropped column \"person\".\"nickname\""
                + " together with an added column \"person\".\"alias\""), p.warnings());
    }

    static dev.concertina.engine.model.Column collated(dev.concertina.engine.model.Column c, String collation) {
        return c.withDetails(c.details().withCollation(Optional.of(collation)));
    }

    static dev.concertina.engine.model.Column generated(dev.concertina.engine.model.Column c, String expression) {
        return c.withDetails(c.details().withGenerated(Optional.of(expression), true));
    }
}
