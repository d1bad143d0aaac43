package dev.concertina.engine.diff;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.engine.model.PrimaryKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change kind: its kind label, table, name, inverse. One row per kind. */
class ChangeTest {

    static Stream<Arguments> kinds() {
        var t = table("person", col("name", varchar(50)));
        var c = col("email", varchar(255));
        return Stream.of(
                row(new Change.AddTable(t), "add_table", "person", "", "drop_table"),
                row(new Change.DropTable(t), "drop_table", "person", "", "add_table"),
                row(new Change.RenameTable(t, t.withName("people")), "rename_table", "person", "", "rename_table"),
                row(new Change.AlterTableComment("person", Optional.empty(), Optional.of("x")), "alter_table_comment", "person", "", "alter_table_comment"),
                row(new Change.AddColumn("person", c), "add_column", "person", "email", "drop_column"),
                row(new Change.DropColumn("person", c), "drop_column", "person", "email", "add_column"),
                row(new Change.AlterColumn("person", c, c.withNullable(false), Set.of(ColumnAspect.NULLABLE)), "alter_column", "person", "email", "alter_column"),
                row(new Change.RenameColumn("person", c, c.withName("mail")), "rename_column", "person", "email", "rename_column"),
                row(new Change.AlterPrimaryKey("person", Optional.empty(), Optional.of(new PrimaryKey("", List.of("id")))), "alter_primary_key", "person", "", "alter_primary_key"),
                row(new Change.AddIndex("person", index("ix", "name")), "add_index", "person", "ix", "drop_index"),
                row(new Change.DropIndex("person", index("ix", "name")), "drop_index", "person", "ix", "add_index"),
                row(new Change.AddUnique("person", unique("uk", "name")), "add_unique", "person", "uk", "drop_unique"),
                row(new Change.DropUnique("person", unique("uk", "name")), "drop_unique", "person", "uk", "add_unique"),
                row(new Change.AddForeignKey("book", fk("fk", "a", "author")), "add_foreign_key", "book", "fk", "drop_foreign_key"),
                row(new Change.DropForeignKey("book", fk("fk", "a", "author")), "drop_foreign_key", "book", "fk", "add_foreign_key"),
                row(new Change.AddCheck("person", check("ck", "x > 0")), "add_check", "person", "ck", "drop_check"),
                row(new Change.DropCheck("person", check("ck", "x > 0")), "drop_check", "person", "ck", "add_check"),
                row(new Change.AddSequence(seq("s", 1, 50)), "add_sequence", "s", "", "drop_sequence"),
                row(new Change.DropSequence(seq("s", 1, 50)), "drop_sequence", "s", "", "add_sequence"),
                row(new Change.AlterSequence(seq("s", 1, 1), seq("s", 1, 50)), "alter_sequence", "s", "", "alter_sequence"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("kinds")
    void kindTableNameAndInverse(Change change, String kind, String table, String name, String inverseKind) {
        assertEquals(kind, change.kind());
        assertEquals(table, change.table());
        assertEquals(name, change.name());
        assertEquals(inverseKind, change.inverse().kind());
        assertEquals(change, change.inverse().inverse(), "inverse of the inverse is the change");
        assertNotEquals(change.describe(), change.inverse().describe(), "the inverse says something else");
        assertEquals(1, change.describe().lines().count(), "one line");
    }

    @Test
    void everyChangeKindHasARowAndAnOrderRank() {
        Set<String> covered = kinds().map(a -> ((Change) a.get()[0]).getClass().getSimpleName()).collect(Collectors.toSet());
        Set<String> declared = Stream.of(Change.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
        assertEquals(declared, covered);
        kinds().forEach(a -> ChangeOrder.rank((Change) a.get()[0]));
    }

    @Test
    void descriptionsStayOnOneLine() {
        var c = new Change.AlterTableComment("t", Optional.of("first\nsecond"), Optional.empty());
        assertEquals("alter comment of table \"t\": 'first\\nsecond' -> none", c.describe());
    }

    @Test
    void outputDoesNotDependOnInputOrder() {
        var a = indexes(table("a", col("x", INT), col("y", INT)), index("i1", "x"), index("i2", "y"));
        var b = fks(table("b", col("a_id", BIGINT)), fk("f", "a_id", "a"));
        var c = checks(table("c", col("z", INT)), check("k1", "z > 0"), check("k2", "z < 9"));
        var one = Differ.diff(dev.concertina.engine.model.Schema.EMPTY, schema(a, b, c), DiffOptions.DEFAULTS);
        var two = Differ.diff(dev.concertina.engine.model.Schema.EMPTY, schema(c.withChecks(List.of(c.checks().get(1), c.checks().get(0))), b,
                a.withIndexes(List.of(a.indexes().get(1), a.indexes().get(0)))), DiffOptions.DEFAULTS);
        assertEquals(one, two);
    }

    @Test
    void alterColumnNeedsAnAspect() {
        var c = col("a", INT);
        assertThrows(IllegalArgumentException.class, () -> new Change.AlterColumn("t", c, c, EnumSet.noneOf(ColumnAspect.class)));
    }

    private static Arguments row(Change change, String kind, String table, String name, String inverseKind) {
        return Arguments.of(change, kind, table, name, inverseKind);
    }
}
