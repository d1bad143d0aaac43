package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the steps carry: the values codegen and the runtime render. */
class PlanDetailsTest {

    static Plan plan(Schema current, Schema desired, PlanHints hints) {
        return Planner.plan(Differ.diff(current, desired, DiffOptions.DEFAULTS), hints);
    }

    @Test
    void notNullColumnIsAddedNullableThenTightened() {
        Plan p = plan(schema(table("person")), schema(table("person", req("age", INT))), PlanHints.NONE.withBackfill("person", "age", "18"));
        assertEquals(List.of(new Step.Ddl(new Change.AddColumn("person", col("age", INT))),
                new Step.BackfillColumn("person", "age", new Expr.Sql("18"))), p.expand());
        // Contract fills again what old code inserted after the expand backfill, then tightens.
        assertEquals(List.of(new Step.BackfillColumn("person", "age", new Expr.Sql("18")),
                new Step.CheckExistingRows("person", new RowCondition.NotNull("age"),
                        "\"person\".\"age\" has NULL rows: fill them before setting NOT NULL"),
                new Step.Ddl(new Change.AlterColumn("person", col("age", INT), req("age", INT), Set.of(ColumnAspect.NULLABLE)))), p.contract());
        assertTrue(p.changes().get(0).split());
        assertEquals(List.of(), p.warnings());
    }

    /** The examples of docs/hazards.md, "change a collation" and "change a generated expression", as diff prints them. */
    @Test
    void collationAndGeneratedChangesPrintAsDocumented() throws java.io.IOException {
        var code = col("code", varchar(255));
        var area = col("area", INT);
        Schema v1 = schema(table("gauge", col("width", INT), col("height", INT),
                code.withDetails(code.details().withCollation(Optional.of("C"))),
                area.withDetails(area.details().withGenerated(Optional.of("width * height"), true))));
        Schema v2 = schema(table("gauge", col("width", INT), col("height", INT),
                code.withDetails(code.details().withCollation(Optional.of("POSIX"))),
                area.withDetails(area.details().withGenerated(Optional.of("width + height"), true))));
        String text = PlanText.render(plan(v1, v2, PlanHints.NONE));
        String docs = DocsTest.doc("hazards.md");
        for (String example : List.of(
                "  1. alter column \"gauge\".\"code\" collation C -> POSIX\n",
                "  1. alter column \"gauge\".\"area\" generated as (width * height) stored -> as (width + height) stored\n")) {
            int at = docs.indexOf(example);
            assertTrue(at >= 0, example);
            String block = docs.substring(at + example.length(), docs.indexOf("```", at));
            String printed = text.substring(text.indexOf(example.substring(5)));
            for (String hazard : block.lines().toList()) {
                assertTrue(printed.contains(hazard.strip()), hazard + " in\n" + text);
            }
        }
    }

    @Test
    void removingALabelOfAPostgresEnumTypeWarns() {
        var named = enumOf("A", "B").withModifier("enum type mood");
        Plan p = plan(schema(table("t", col("m", named))), schema(table("t", col("m", enumOf("A").withModifier("enum type mood")))),
                PlanHints.NONE);
        assertEquals(1, p.warnings().size(), p.warnings()::toString);
        assertTrue(p.warnings().get(0).contains("PostgreSQL cannot remove a label of an enum type in place"), p.warnings().get(0));
        Plan added = plan(schema(table("t", col("m", named))), schema(table("t", col("m", enumOf("A", "B", "C").withModifier("enum type mood")))),
                PlanHints.NONE);
        assertEquals(List.of(), added.warnings());
        assertEquals(1, added.expand().size(), "a label added is expand");
    }

    @Test
    void notNullColumnWithNoWayToFillItWarns() {
        Plan p = plan(schema(table("person")), schema(table("person", req("age", INT))), PlanHints.NONE);
        assertEquals(1, p.warnings().size());
        assertTrue(p.warnings().get(0).startsWith("add column \"person\".\"age\" NOT NULL without a default"), p.warnings().get(0));
    }

    @Test
    void renameSyncsWithIdentityBothWays() {
        Plan p = plan(schema(table("person", col("fullname", varchar(100)))), schema(table("person", col("display_name", varchar(100)))),
                PlanHints.NONE.withColumnRename("person", "fullname", "display_name"));
        Expr up = new Expr.ColumnRef("fullname");
        Expr down = new Expr.ColumnRef("display_name");
        assertEquals(List.of(new Step.Ddl(new Change.AddColumn("person", col("display_name", varchar(100)))),
                new Step.InstallSync("person", "fullname", "display_name", up, down),
                new Step.BackfillColumn("person", "display_name", up)), p.expand());
        Change.AddColumn restored = new Change.AddColumn("person", col("fullname", varchar(100)));
        assertEquals(List.of(new Step.DropSync("person", "fullname", "display_name", up, down,
                                List.of(new Step.BackfillColumn("person", "fullname", down))),
                new Step.Ddl(new Change.DropColumn("person", col("fullname", varchar(100))), List.of(new Step.Ddl(restored)))),
                p.contract());
        assertEquals(List.of(new Step.DropSync("person", "fullname", "display_name", up, down),
                new Step.Ddl(new Change.DropColumn("person", col("display_name", varchar(100))))), p.downgrade(Branch.EXPAND));
        // The contract's downgrade: the old column back, the trigger back, then the refill through the down conversion.
        assertEquals(List.of(new Step.Ddl(restored),
                new Step.InstallSync("person", "fullname", "display_name", up, down),
                new Step.BackfillColumn("person", "fullname", down)), p.downgrade(Branch.CONTRACT));
    }

    @Test
    void renameContractDowngradeRestoresDefaultAndNotNullLast() {
        Column old = req("fullname", varchar(100)).withDefault(Optional.of("'x'"));
        Column renamed = req("display_name", varchar(100));
        Plan p = plan(schema(table("person", old)), schema(table("person", renamed)),
                PlanHints.NONE.withColumnRename("person", "fullname", "display_name"));
        List<String> down = p.downgrade(Branch.CONTRACT).stream().map(Step::describe).toList();
        assertEquals(List.of(
                "alter column \"person\".\"display_name\" NOT NULL -> NULL",
                "add column \"person\".\"fullname\" VARCHAR(100) NULL",
                "install sync trigger on \"person\": \"display_name\" := \"fullname\", \"fullname\" := \"display_name\"",
                "backfill \"person\".\"fullname\" := \"display_name\" where null",
                "alter column \"person\".\"fullname\" default none -> 'x'",
                "check existing rows of \"person\": \"fullname\" is not null",
                "alter column \"person\".\"fullname\" NULL -> NOT NULL"), down);
    }

    @Test
    void conversionHintGivesTheSyncExpressions() {
        Plan p = plan(schema(table("t", col("cents", BIGINT))), schema(table("t", col("amount", decimal(12, 2)))),
                PlanHints.NONE.withColumnRename("t", "cents", "amount").withConversion("t", "amount", "{old} / 100.0", Optional.of("{new} * 100")));
        Step.InstallSync sync = p.expand().stream().filter(Step.InstallSync.class::isInstance).map(Step.InstallSync.class::cast).findFirst().orElseThrow();
        Expr up = new Expr.Template("{old} / 100.0", "{old}", "cents");
        assertEquals(up, sync.up());
        assertEquals(new Expr.Template("{new} * 100", "{new}", "amount"), sync.down());
        assertEquals("\"cents\" / 100.0", up.describe());
        assertEquals("`cents` / 100.0", ((Expr.Template) sync.up()).render("`cents`"));
        assertTrue(p.expand().contains(new Step.CheckExistingRows("t", new RowCondition.Converts("cents", up),
                "\"t\".\"cents\" has values that do not convert to DECIMAL(12,2)")));
        assertTrue(p.expand().contains(new Step.BackfillColumn("t", "amount", up)));
        assertEquals(Optional.of("cents"), up.source());
        assertEquals("{} / 100.0", ((Expr.Template) up).withPlaceholder("{}"));
        assertEquals(Optional.of("n"), new Expr.Cast(new Expr.ColumnRef("n"), INT).source());
        assertEquals(Optional.empty(), new Expr.Sql("'x'").source());
    }

    @Test
    void guardMessageSaysWhatIsGoingOnAndTheContractDropsTheSameGuard() {
        Plan p = plan(schema(table("person", col("name", varchar(50)))), schema(table("person", col("name", INT))), PlanHints.NONE);
        Step.InstallGuard guard = (Step.InstallGuard) p.expand().get(0);
        assertEquals("table \"person\" is read-only until the contract migration runs: column \"name\" changes type VARCHAR(50) -> INTEGER",
                guard.message());
        assertEquals(new Step.DropGuard("person", guard.message()), p.contract().get(p.contract().size() - 1));
        Step.ConvertColumn convert = (Step.ConvertColumn) p.contract().get(1);
        assertEquals(new Expr.Cast(new Expr.ColumnRef("name"), INT), convert.using());
        assertTrue(p.warnings().get(0).contains("no conversion known"), p.warnings().get(0));
    }

    /** MariaDB's SIGNAL keeps 128 characters: long names shorten the message, never cut it, and it still says table and what to do. */
    @Test
    void guardMessagesFitMariaDbsLimitWithLongNames() {
        String t = "customer_preferences"; // 20 characters
        String c = "notification_channel"; // 20 characters
        Plan retype = plan(schema(table(t, col(c, varchar(50)))), schema(table(t, col(c, INT))), PlanHints.NONE);
        assertEquals("table \"" + t + "\" is read-only until the contract migration runs: column \"" + c + "\" changes type",
                ((Step.InstallGuard) retype.expand().get(0)).message());
        Plan rename = plan(schema(table(t, col(c, varchar(50)))), schema(table(t, col(c + "_v2", INT))),
                PlanHints.NONE.withColumnRename(t, c, c + "_v2").withConversion(t, c + "_v2", "CAST({old} AS INTEGER)", Optional.empty()));
        String m = rename.expand().stream().filter(s -> s instanceof Step.InstallGuard).map(s -> ((Step.InstallGuard) s).message()).findFirst().orElseThrow();
        assertEquals("table \"" + t + "\" is read-only until the contract migration runs: column \"" + c + "\" is renamed", m);
        for (Plan p : List.of(retype, rename)) {
            for (Step s : p.expand()) {
                if (s instanceof Step.InstallGuard g) {
                    assertTrue(g.message().length() <= 128, g.message());
                }
            }
        }
    }

    @Test
    void aTableNameTooLongForAnyGuardMessageFailsThePlan() {
        String t = "t".repeat(90); // H2 accepts it; no guard message naming it fits in 128 characters
        ConcertinaException e = assertThrows(ConcertinaException.class,
                () -> plan(schema(table(t, col("n", varchar(50)))), schema(table(t, col("n", INT))), PlanHints.NONE));
        assertEquals(ErrorCode.PLAN, e.code());
        assertTrue(e.getMessage().contains("too long for a guard message of 128 characters"), e.getMessage());
        assertThrows(ConcertinaException.class, () -> new Step.InstallGuard("t", "x".repeat(129)));
    }

    @Test
    void hazardsNameTheirDialects() {
        Plan p = plan(schema(table("person", col("name", varchar(50)))), schema(table("person", col("name", varchar(60)))), PlanHints.NONE);
        Hazard h = p.hazards(Branch.EXPAND).get(0);
        assertEquals(HazardCode.TABLE_REWRITE, h.code());
        assertTrue(h.appliesTo(Dialect.H2));
        assertTrue(!h.appliesTo(Dialect.POSTGRES) && !h.appliesTo(Dialect.MARIADB));
        assertEquals("TABLE_REWRITE (h2): VARCHAR(50) -> VARCHAR(60)", h.describe());
    }

    @Test
    void contractStepsRunInDependencyOrder() {
        Schema cur = schema(table("author"), fks(table("book", col("author_id", BIGINT)), fk("fk_book_author", "author_id", "author")));
        Plan p = plan(cur, schema(table("book")), PlanHints.NONE);
        assertEquals("ddl:drop_foreign_key ddl:drop_column ddl:drop_table", PlannerTest.steps(p, Branch.CONTRACT));
    }

    @Test
    void aChangeKindWithoutARuleIsRefusedByName() {
        Map<Class<? extends Change>, Planner.Rule> rules = new java.util.LinkedHashMap<>(Planner.defaultRules());
        rules.remove(Change.AddTable.class);
        List<Change> changes = Differ.diff(schema(), schema(table("person")), DiffOptions.DEFAULTS);
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> Planner.withRules(rules).run(changes, PlanHints.NONE));
        assertEquals(ErrorCode.PLAN, e.code());
        assertEquals("plan add table \"person\" (1 column): no planner rule for change kind 'add_table'", e.getMessage());
    }

    @Test
    void everyChangeKindHasARule() {
        for (Class<?> kind : Change.class.getPermittedSubclasses()) {
            assertTrue(Planner.defaultRules().containsKey(kind), kind.getSimpleName());
        }
    }

    @Test
    void enumCheckDomainsInTheNormalisersCanonicalForm() {
        assertEquals(Optional.of(new CheckDomain("status", Set.of("A", "B"), 0, -1)), CheckDomain.parse("status in ('A', 'B')"));
        assertEquals(Optional.of(new CheckDomain("kind", Set.of(), 0, 4)), CheckDomain.parse("kind >= 0 and kind <= 4"));
        assertEquals(Optional.of(new CheckDomain("s", Set.of("it's"), 0, -1)), CheckDomain.parse("(s in ('it''s'))"));
        assertEquals(Optional.empty(), CheckDomain.parse("status not in ('A')"));
        assertEquals(Optional.empty(), CheckDomain.parse("a >= 0 and b <= 4"));
        assertEquals(Optional.empty(), CheckDomain.parse("length(name) > 0"));
    }

    @Test
    void renamedTableWithARenamedColumnSyncsTheTwoColumns() {
        Plan p = plan(schema(table("people", col("fullname", varchar(100)))), schema(table("person", col("display_name", varchar(100)))),
                PlanHints.NONE.withTableRename("people", "person").withColumnRename("person", "fullname", "display_name"));
        assertEquals(List.of(), p.warnings());
        Step.InstallTableSync sync = (Step.InstallTableSync) p.expand().get(1);
        assertEquals(List.of(new Step.ColumnMapping("id", "id", new Expr.ColumnRef("id"), new Expr.ColumnRef("id")),
                new Step.ColumnMapping("fullname", "display_name", new Expr.ColumnRef("fullname"), new Expr.ColumnRef("display_name"))),
                sync.columns());
        assertEquals(List.of("id"), sync.key());
    }

    @Test
    void renamingAPrimaryKeyColumnIsRefusedWithTheWayOut() {
        var current = schema(dev.concertina.engine.model.Table.of("t", List.of(req("code", INT)))
                .withPrimaryKey(Optional.of(new dev.concertina.engine.model.PrimaryKey("", List.of("code")))));
        var desired = schema(dev.concertina.engine.model.Table.of("t", List.of(req("key", INT)))
                .withPrimaryKey(Optional.of(new dev.concertina.engine.model.PrimaryKey("", List.of("key")))));
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> plan(current, desired, PlanHints.NONE.withColumnRename("t", "code", "key")));
        assertEquals(ErrorCode.PLAN, e.code());
        assertEquals("plan rename column \"t\".\"code\" to \"key\": the column is in the primary key, which expand/contract cannot move "
                + "while old code runs; rename it in a hand-written revision, or deny the rename with --no-rename t.code", e.getMessage());
    }

    @Test
    void emptyPlan() {
        Plan p = plan(schema(table("person")), schema(table("person")), PlanHints.NONE);
        assertTrue(p.isEmpty());
        assertEquals(List.of(), p.expand());
        assertEquals(List.of(), p.contract());
    }

    @Test
    void aRenameWhoseTypeHasNoConversionIsRefusedUntilTheLossIsAccepted() {
        List<Change> changes = Differ.diff(schema(table("t", col("doc", JSON))), schema(table("t", col("n", INT))),
                DiffOptions.DEFAULTS);
        PlanHints rename = PlanHints.NONE.withColumnRename("t", "doc", "n");
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> Planner.plan(changes, rename));
        assertEquals(ErrorCode.PLAN, e.code());
        assertEquals("plan rename column \"t\".\"doc\" to \"n\" converting JSON to INTEGER: no conversion JSON -> INTEGER is known,"
                + " so every value of \"doc\" would be lost; give one with a convert hint (convert t.n up \"<SQL using {old}>\""
                + " down \"<SQL using {new}>\"), or accept the loss explicitly: fill \"n\" with a backfill hint"
                + " (backfill t.n using \"<SQL value>\"), or deny the rename (--no-rename t.doc) to drop and add the column",
                e.getMessage());
        Plan accepted = Planner.plan(changes, rename.withBackfill("t", "n", "0"));
        assertTrue(accepted.expand().contains(new Step.BackfillColumn("t", "n", new Expr.Sql("0"))), accepted.expand().toString());
        assertTrue(accepted.hazards(Branch.CONTRACT).stream().anyMatch(h -> h.code() == HazardCode.DELETES_DATA));
        Plan converted = Planner.plan(changes, rename.withConversion("t", "n", "LENGTH(CAST({old} AS VARCHAR(100)))", Optional.empty()));
        assertTrue(converted.expand().stream().anyMatch(s -> s instanceof Step.BackfillColumn), "a convert hint carries values over");
    }

    @Test
    void aRenameOrTableCopyIntoANarrowerTypeCountsTheMisfitsFirst() {
        Plan column = Planner.plan(Differ.diff(schema(table("t", col("a", varchar(200)))), schema(table("t", col("b", varchar(5)))),
                DiffOptions.DEFAULTS), PlanHints.NONE.withColumnRename("t", "a", "b"));
        assertEquals(new Step.CheckExistingRows("t", new RowCondition.FitsType("a", varchar(5)),
                "\"t\".\"a\" has values that do not fit VARCHAR(5)"), column.expand().get(0));
        Plan copied = Planner.plan(Differ.diff(schema(table("old_t", col("a", BIGINT))), schema(table("new_t", col("a", INT))),
                DiffOptions.DEFAULTS), PlanHints.NONE.withTableRename("old_t", "new_t"));
        assertTrue(copied.expand().contains(new Step.CheckExistingRows("old_t", new RowCondition.FitsType("a", INT),
                "\"old_t\".\"a\" has values that do not fit INTEGER")), copied.expand().toString());
    }

    @Test
    void aZonedTimestampLosingItsZoneNarrowsInContractAfterCountingTheValuesThatWouldChange() {
        var zoned = dev.concertina.engine.model.ColumnType.temporal(
                dev.concertina.engine.model.TypeKind.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamp(6) with time zone");
        Plan p = plan(schema(table("event", col("at", zoned))), schema(table("event", col("at", TIMESTAMP))), PlanHints.NONE);
        assertEquals(List.of(), p.expand(), "no write guard: nothing changes before contract");
        assertEquals(List.of(new Step.CheckExistingRows("event", new RowCondition.FitsType("at", TIMESTAMP),
                        "\"event\".\"at\" has values that do not fit TIMESTAMP(6)"),
                new Step.Ddl(new Change.AlterColumn("event", col("at", zoned), col("at", TIMESTAMP), Set.of(ColumnAspect.TYPE)))),
                p.contract());
        assertEquals(List.of(), p.warnings());
        assertEquals(TypeChange.NARROW, TypeChange.of(zoned, TIMESTAMP));
        assertEquals(TypeChange.INCOMPATIBLE, TypeChange.of(TIMESTAMP, zoned), "the other way is a kind change still");
    }
}
