package dev.concertina.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HintsTest {

    private static final String FILE = """
            [ignore]
            table audit_* reason "owned by the audit service"

            [hints]
            rename column person.fullname -> display_name
            rename table people -> person reason "the entity was renamed in 2.0"
            no-rename column person.nick
            no-rename person.alias
            no-rename table archive
            convert person.age up "CAST({old} AS INTEGER)" down "CAST({new} AS VARCHAR(10))"
            convert person.tags up "string_to_array({old}, ',')" down "array_to_string({new}, ',')"
            convert person.flags up "COALESCE({old}, '{}')" down "{new}"
            convert person.score up "ROUND({old})"   reason "no way back: writes are guarded until contract"
            backfill person.status using "'active'"
            backfill person.display using "COALESCE(nickname, name)"
            """;

    private static Hints hints() {
        return IgnoreRules.parse(FILE, "concertina.ignore").hints();
    }

    @Test
    void parsesEveryHintForm() {
        Hints hints = hints();
        assertEquals(List.of(new ColumnRename(Name.of("person"), Name.of("fullname"), Name.of("display_name"),
                new Origin("concertina.ignore", 5, 1))), hints.columnRenames());
        assertEquals(List.of(new TableRename(Name.of("people"), Name.of("person"), new Origin("concertina.ignore", 6, 1))),
                hints.tableRenames());
        assertEquals(List.of("no-rename column person.nick", "no-rename column person.alias", "no-rename table archive"),
                hints.noRenames().stream().map(Object::toString).toList());
        assertEquals(4, hints.conversions().size());
        ConvertRule age = hints.conversions().get(0);
        assertEquals("CAST({old} AS INTEGER)", age.up());
        assertEquals(Optional.of("CAST({new} AS VARCHAR(10))"), age.down());
        assertEquals(Optional.empty(), hints.conversions().get(3).down());
        assertEquals(List.of("backfill person.status using \"'active'\"", "backfill person.display using \"COALESCE(nickname, name)\""),
                hints.backfills().stream().map(Object::toString).toList());
        assertEquals("COALESCE({old}, '{}')", hints.conversions().get(2).up(), "braces that are no placeholder are SQL text");
    }

    @Test
    void lookupsFollowTheCaseRules() {
        Hints hints = hints();
        assertTrue(hints.columnRenameFrom("PERSON", "FULLNAME").isPresent(), "H2 upper case");
        assertTrue(hints.columnRenameTo("person", "display_name").isPresent());
        assertTrue(hints.columnRenameFrom("person", "display_name").isEmpty());
        assertTrue(hints.columnRenames().get(0).matches("person", "fullname", "DISPLAY_NAME"));
        assertFalse(hints.columnRenames().get(0).matches("person", "fullname", "name"));
        assertEquals("person", hints.tableRenameFrom("PEOPLE").orElseThrow().to().text());
        assertEquals("people", hints.tableRenameTo("person").orElseThrow().from().text());
        assertTrue(hints.deniesColumnRename("person", "NICK"));
        assertTrue(hints.deniesColumnRename("person", "alias"));
        assertFalse(hints.deniesColumnRename("person", "archive"));
        assertTrue(hints.deniesTableRename("archive"));
        assertFalse(hints.deniesTableRename("person"), "a column denial is not a table denial");
        assertTrue(hints.conversion("person", "age").isPresent());
        assertTrue(hints.conversion("person", "height").isEmpty());
        assertEquals("'active'", hints.backfill("PERSON", "STATUS").orElseThrow().expression());
        assertTrue(hints.backfill("person", "age").isEmpty());
    }

    @Test
    void conversionsRenderWithTheColumnReferences() {
        ConvertRule age = hints().conversion("person", "age").orElseThrow();
        assertEquals("CAST(\"age_old\" AS INTEGER)", age.renderUp("\"age_old\""));
        assertEquals(Optional.of("CAST(\"age\" AS VARCHAR(10))"), age.renderDown("\"age\""));
        assertEquals(Optional.empty(), hints().conversion("person", "score").orElseThrow().renderDown("x"));
    }

    @Test
    void quotedHintNamesAreExact() {
        Hints hints = IgnoreRules.parse("""
                [hints]
                rename column "Person"."FullName" -> "DisplayName"
                rename table "Person" -> "person"
                """, "f").hints();
        ColumnRename rename = hints.columnRenames().get(0);
        assertTrue(rename.matches("Person", "FullName", "DisplayName"));
        assertFalse(rename.matches("person", "fullname", "displayname"));
        assertTrue(hints.tableRenameFrom("Person").isPresent(), "renaming only the case is possible with both names quoted");
        assertTrue(hints.tableRenameFrom("person").isEmpty());
    }

    @Test
    void commandLineArguments() {
        ColumnRename rename = Hints.parseRenameArg("person.fullname=display_name");
        assertEquals("rename column person.fullname -> display_name", rename.toString());
        assertEquals(new Origin("--rename", 1, 1), rename.origin());
        assertEquals(new NoRename(Name.of("person"), Optional.of(Name.of("fullname")), new Origin("--no-rename", 1, 1)),
                Hints.parseNoRenameArg("person.fullname"));
        assertEquals(new NoRename(Name.of("people"), Optional.empty(), new Origin("--no-rename", 1, 1)), Hints.parseNoRenameArg("people"));
        assertEquals("rename table people -> person", Hints.parseTableRenameArg("people=person").toString());
        assertEquals("rename column \"Person\".\"Full Name\" -> display_name",
                Hints.parseRenameArg("\"Person\".\"Full Name\"=display_name").toString());
        Hints cli = Hints.fromArgs(List.of("person.a=b", "t1=t2", "\"My.Table\"=t3"), List.of("person.c"));
        assertEquals(1, cli.columnRenames().size());
        assertEquals(List.of("rename table t1 -> t2", "rename table \"My.Table\" -> t3"),
                cli.tableRenames().stream().map(Object::toString).toList(), "no dot before = (outside quotes): a table");
        assertEquals(1, cli.noRenames().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--rename     | person=display_name         | --rename:1:7: found \"=display_name\"; expected \".\" and the old column name: --rename table.column=new_column (or old_table=new_table)",
            "--rename     | person.fullname             | --rename:1:16: found the end of the argument; expected \"=\" and the new column name: --rename table.column=new_column",
            "--rename     | person.fullname=            | --rename:1:17: found the end of the argument; expected the new column name after \"=\"",
            "--rename     | person.fullname=FULLNAME    | --rename:1:17: rename of column person.fullname to itself; expected a different new name",
            "--rename     | person.full*=name           | --rename:1:12: wildcard \"*\" in a hint; expected an exact name: a hint names one object",
            "--rename     | person.a=b.c                | --rename:1:11: found \".c\"; expected the end of the argument: --rename table.column=new_column",
            "--no-rename  | person.                     | --no-rename:1:8: found the end of the argument; expected a column name after \".\"",
            "--rename-table | people                    | --rename:1:7: found the end of the argument; expected \"=\" and the new table name: --rename old_table=new_table",
    })
    void malformedArguments(String option, String arg, String message) {
        RulesException e = assertThrows(RulesException.class, () -> {
            Object parsed = switch (option) {
                case "--rename" -> Hints.parseRenameArg(arg);
                case "--no-rename" -> Hints.parseNoRenameArg(arg);
                default -> Hints.parseTableRenameArg(arg);
            };
            assertEquals("never", parsed.toString());
        });
        assertEquals(message, e.getMessage());
    }

    @Test
    void mergeKeepsBothAndDropsRepeats() {
        Hints file = hints();
        Hints cli = Hints.fromArgs(List.of("PERSON.FULLNAME=display_name", "person.email=mail"), List.of("orders.note"));
        Hints merged = Hints.merge(file, cli);
        assertEquals(List.of("rename column person.fullname -> display_name", "rename column person.email -> mail"),
                merged.columnRenames().stream().map(Object::toString).toList(), "the repeat on the command line is dropped");
        assertEquals(4, merged.noRenames().size());
        assertEquals(file.conversions(), merged.conversions());
        assertEquals(file, Hints.merge(file, Hints.empty()));
        assertEquals(file, Hints.merge(Hints.empty(), file));
    }

    @Test
    void mergeRefusesConflictsAtTheLaterPlace() {
        Hints file = hints();
        RulesException twoTargets = assertThrows(RulesException.class,
                () -> Hints.merge(file, Hints.fromArgs(List.of("person.fullname=name"), List.of())));
        assertEquals("--rename:1:1: rename column person.fullname -> name, but concertina.ignore:5:1 renames person.fullname"
                + " to display_name; expected one new name per column", twoTargets.getMessage());

        RulesException denied = assertThrows(RulesException.class,
                () -> Hints.merge(file, Hints.fromArgs(List.of(), List.of("person.fullname"))));
        assertEquals("--no-rename:1:1: no-rename column person.fullname, contradicting rename column person.fullname -> display_name"
                + " at concertina.ignore:5:1; expected either a rename or a no-rename for one object", denied.getMessage());

        RulesException confirmed = assertThrows(RulesException.class,
                () -> Hints.merge(file, Hints.fromArgs(List.of("person.nick=nickname"), List.of())));
        assertEquals("--rename:1:1: rename column person.nick -> nickname, contradicting no-rename column person.nick"
                + " at concertina.ignore:7:1; expected either a rename or a no-rename for one object", confirmed.getMessage());

        RulesException sameTarget = assertThrows(RulesException.class,
                () -> Hints.merge(file, Hints.fromArgs(List.of("humans=person"), List.of())));
        assertEquals("--rename:1:1: rename table humans -> person, but concertina.ignore:6:1 already renames people"
                + " to person; expected one old table per new name", sameTarget.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two old columns, one new  | rename column person.a -> c | rename column person.b -> c | 3:1: rename column person.b -> c, but line 2 already renames person.a to c; expected one old column per new name",
            "a chain                   | rename column person.a -> b | rename column person.b -> c | 3:1: rename column person.b -> c, chained with rename column person.a -> b at line 2; expected each column renamed once, straight from its old name to its new one",
            "a repeat                  | rename table a -> b         | rename table A -> B         | 3:1: rename table A -> B, the same as line 2; expected each hint once",
            "a table chain             | rename table a -> b         | rename table c -> a         | 3:1: rename table c -> a, chained with rename table a -> b at line 2; expected each table renamed once, straight from its old name to its new one",
            "two conversions           | convert t.c up \"{old}+1\" down \"{new}-1\" | convert t.c up \"{old}*2\" down \"{new}/2\" | 3:1: a second conversion for t.c (the first is at line 2); expected one conversion per column",
            "two backfills             | backfill t.c using \"1\"    | backfill T.C using \"2\"    | 3:1: a second backfill for T.C (the first is at line 2); expected one backfill per column",
            "denied then confirmed     | no-rename table a           | rename table a -> b         | 3:1: rename table a -> b, contradicting no-rename table a at line 2; expected either a rename or a no-rename for one object",
    })
    void conflictsInOneFile(String what, String first, String second, String message) {
        RulesException e = assertThrows(RulesException.class,
                () -> IgnoreRules.parse("[hints]\n" + first + "\n" + second + "\n", "concertina.ignore"));
        assertEquals("concertina.ignore:" + message, e.getMessage());
    }

    @Test
    void renamesInDifferentTablesDoNotConflict() {
        Hints hints = IgnoreRules.parse("""
                [hints]
                rename column person.name -> display_name
                rename column company.name -> display_name
                """, "f").hints();
        assertEquals(2, hints.columnRenames().size());
    }

    @Test
    void rulesFileHintsMergeWithTheCommandLine() {
        IgnoreRules rules = IgnoreRules.parse(FILE, "concertina.ignore")
                .withHints(Hints.fromArgs(List.of("person.email=mail"), List.of()));
        assertEquals(2, rules.hints().columnRenames().size());
        assertEquals(1, rules.rules().size());
    }
}
