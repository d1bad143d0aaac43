package dev.concertina.engine.plan;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Schema;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Possible-rename detection and each hint form, one row per case: schemas, hints, then the open
 * renames (as {@code --rename} specs), the change kinds planned, and the warnings' starts.
 */
class RenamesTest {

    static Stream<Arguments> cases() {
        var before = schema(table("person", col("fullname", varchar(100)), col("age", INT)));
        var after = schema(table("person", col("display_name", varchar(200)), col("age", INT)));
        var people = schema(table("people", col("fullname", varchar(100)), col("age", INT)));
        return Stream.of(
                row("drop + add of one family: possible rename", before, after, PlanHints.NONE,
                        "person.fullname=display_name", "add_column drop_column", ""),
                row("confirmed by a hint", before, after, PlanHints.NONE.withColumnRename("person", "fullname", "display_name"),
                        "", "rename_column", ""),
                row("confirmed by the --rename form", before, after,
                        args(List.of("person.fullname=display_name"), List.of()),
                        "", "rename_column", ""),
                row("hint names in another letter case (database folded them)", before, after,
                        PlanHints.NONE.withColumnRename("PERSON", "FullName", "DISPLAY_NAME"), "", "rename_column", ""),
                row("denied by --no-rename", before, after,
                        args(List.of(), List.of("person.fullname")),
                        "", "add_column drop_column", ""),
                row("incompatible types: not a possible rename", schema(table("person", col("born", DATE))), schema(table("person", col("score", INT))),
                        PlanHints.NONE, "", "add_column drop_column", ""),
                row("two candidates: both reported", schema(table("t", col("a", INT))), schema(table("t", col("b", INT), col("c", BIGINT))),
                        PlanHints.NONE, "t.a=b t.a=c", "add_column add_column drop_column", ""),
                row("different tables: not a rename", schema(table("t", col("a", INT)), table("u")), schema(table("t"), table("u", col("b", INT))),
                        PlanHints.NONE, "", "add_column drop_column", ""),
                row("table: possible rename", before, people, PlanHints.NONE,
                        "person=people", "add_table drop_table", ""),
                row("table: confirmed", before, people, PlanHints.NONE.withTableRename("person", "people"),
                        "", "rename_table", ""),
                row("table: confirmed by the --rename form", before, people,
                        args(List.of("person=people"), List.of()),
                        "", "rename_table", ""),
                row("table: denied", before, people, PlanHints.NONE.withNoRename("person", ""),
                        "", "add_table drop_table", ""),
                row("unrelated tables: not a rename", before, schema(table("invoice", col("total", decimal(10, 2)), col("due", DATE), col("paid", BOOL))),
                        PlanHints.NONE, "", "add_table drop_table", ""),
                row("stale column hint: warning", before, before, PlanHints.NONE.withColumnRename("person", "x", "y"),
                        "", "", "rename hint person.x=y matches nothing"),
                row("stale table hint: warning", before, before, PlanHints.NONE.withTableRename("a", "b"),
                        "", "", "rename hint a=b matches nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renames(String name, Schema current, Schema desired, PlanHints hints, String open, String kinds, String warning) {
        Plan plan = Planner.plan(Differ.diff(current, desired, DiffOptions.DEFAULTS), hints);
        assertEquals(open, plan.possibleRenames().stream().map(PossibleRename::renameSpec).collect(Collectors.joining(" ")));
        assertEquals(kinds, plan.changes().stream().map(p -> p.change().kind()).sorted().collect(Collectors.joining(" ")));
        assertEquals(warning, plan.warnings().stream().map(w -> w.substring(0, Math.min(w.length(), warning.length())))
                .collect(Collectors.joining(" ")));
        if (open.isEmpty()) {
            plan.requireDecided();
        } else {
            ConcertinaException e = assertThrows(ConcertinaException.class, plan::requireDecided);
            assertEquals(ErrorCode.PLAN, e.code());
        }
    }

    @Test
    void refusalSaysExactlyHowToConfirmOrDeny() {
        Plan plan = Planner.plan(Differ.diff(schema(table("person", col("fullname", varchar(100)))),
                schema(table("person", col("display_name", varchar(100)))), DiffOptions.DEFAULTS), PlanHints.NONE);
        ConcertinaException e = assertThrows(ConcertinaException.class, plan::requireDecided);
        assertEquals("possible rename: column \"person\".\"fullname\" was dropped and \"person\".\"display_name\" added; "
                + "confirm with --rename person.fullname=display_name, a 'rename column person.fullname -> display_name' line in the rules file, "
                + "or @RenamedFrom(\"fullname\") on the field; deny with --no-rename person.fullname", e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void tableRefusalNamesTheEntityClass() {
        PossibleRename r = PossibleRename.table("person", "people");
        assertTrue(r.message().contains("--rename person=people"), r.message());
        assertTrue(r.message().contains("@RenamedFrom(\"person\") on the entity class"), r.message());
        assertTrue(r.message().contains("a 'rename table person -> people' line in the rules file"), r.message());
        assertTrue(r.message().contains("--no-rename person"), r.message());
    }

    @Test
    void renameKeepsBothSnapshots() {
        Plan plan = Planner.plan(Differ.diff(schema(table("person", col("fullname", varchar(100)))),
                schema(table("person", req("display_name", varchar(200)))), DiffOptions.DEFAULTS),
                PlanHints.NONE.withColumnRename("person", "fullname", "display_name"));
        Change.RenameColumn r = (Change.RenameColumn) plan.changes().get(0).change();
        assertEquals(col("fullname", varchar(100)), r.from());
        assertEquals(req("display_name", varchar(200)), r.to());
    }

    @Test
    void hintsOfTheRulesFileReachThePlanner() {
        IgnoreRules rules = IgnoreRules.parse(String.join("\n",
                "[hints]",
                "rename column person.fullname -> display_name",
                "no-rename column person.nickname",
                "convert person.age up \"CAST({old} AS INTEGER)\" down \"CAST({new} AS VARCHAR(10))\"",
                "backfill person.status using \"'active'\""), "concertina.ignore");
        PlanHints h = PlanHints.from(rules.hints());
        assertEquals(List.of(new PlanHints.ColumnRename("person", "fullname", "display_name")), h.columnRenames());
        assertEquals(List.of(new PlanHints.NoRename("person", "nickname")), h.noRenames());
        assertEquals(List.of(new PlanHints.ConversionHint("person", "age", "CAST({old} AS INTEGER)", java.util.Optional.of("CAST({new} AS VARCHAR(10))"))),
                h.conversions());
        assertEquals(List.of(new PlanHints.BackfillHint("person", "status", "'active'")), h.backfills());
    }

    @Test
    void noRenameDeniesTheAddedNameToo() {
        Plan plan = Planner.plan(Differ.diff(schema(table("person", col("fullname", varchar(100)))),
                schema(table("person", col("display_name", varchar(100)))), DiffOptions.DEFAULTS), args(List.of(), List.of("person.display_name")));
        assertEquals(List.of(), plan.possibleRenames());
    }

    @Test
    void aConversionMustUseItsPlaceholder() {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> PlanHints.NONE.withConversion("t", "a", "CAST(a AS INT)", java.util.Optional.empty()));
        assertEquals("convert t.a: up must use {old} and down must use {new}", e.getMessage());
    }

    /** Hints as the command line gives them ({@code --rename}, {@code --no-rename}), parsed by the rules module. */
    static PlanHints args(List<String> renames, List<String> noRenames) {
        return PlanHints.from(Hints.fromArgs(renames, noRenames));
    }

    private static Arguments row(String name, Schema current, Schema desired, PlanHints hints, String open, String kinds, String warning) {
        return Arguments.of(name, current, desired, hints, open, kinds, warning);
    }
}
