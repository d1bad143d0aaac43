package dev.concertina.engine.diff;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.IndexDetails;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the desired side does not state is kept as the database has it (issue 12 item 2): a type
 * modifier the entities cannot write, a type Concertina cannot carry, a deferrable constraint.
 * What both sides state is compared: modifiers, index order, predicate and method.
 */
class KeptAsTheDatabaseHasItTest {

    private static final ColumnType INT_UNSIGNED = ColumnType.of(TypeKind.INTEGER, "int unsigned").withModifier(ColumnType.UNSIGNED);

    private static List<String> kinds(List<Change> changes) {
        return changes.stream().map(Change::kind).toList();
    }

    @Test
    void anUnsignedColumnAgainstAPlainIntegerIsKept() {
        assertEquals(List.of(), Differ.diff(schema(table("t", col("n", INT_UNSIGNED))), schema(table("t", col("n", INT))),
                DiffOptions.DEFAULTS));
    }

    @Test
    void anUnsupportedTypeIsKeptWhateverTheModelSays() {
        ColumnType geometry = ColumnType.unsupported("geometry");
        assertEquals(List.of(), Differ.diff(schema(table("t", col("g", geometry))), schema(table("t", col("g", BIGINT))),
                DiffOptions.DEFAULTS));
        // other aspects of such a column are still compared, its type kept in the change
        List<Change> changes = Differ.diff(schema(table("t", col("g", geometry))), schema(table("t", req("g", BIGINT))),
                DiffOptions.DEFAULTS);
        Change.AlterColumn alter = (Change.AlterColumn) changes.get(0);
        assertEquals(Set.of(ColumnAspect.NULLABLE), alter.aspects());
        assertEquals("geometry", alter.to().type().raw());
    }

    @Test
    void aModifierTheModelStatesIsCompared() {
        assertEquals(List.of("alter_column"), kinds(Differ.diff(schema(table("t", col("n", INT))),
                schema(table("t", col("n", INT_UNSIGNED))), DiffOptions.DEFAULTS)));
        ColumnType ignoreCase = ColumnType.sized(TypeKind.VARCHAR, 30, "VARCHAR_IGNORECASE(30)").withModifier(ColumnType.IGNORECASE);
        assertEquals(List.of(), Differ.diff(schema(table("t", col("s", ignoreCase))), schema(table("t", col("s", varchar(30)))),
                DiffOptions.DEFAULTS));
        assertEquals(List.of("alter_column"), kinds(Differ.diff(schema(table("t", col("s", ignoreCase))),
                schema(table("t", col("s", varchar(40)))), DiffOptions.DEFAULTS)));
    }

    @Test
    void jsonbIsNotJson() {
        assertEquals(List.of("alter_column"), kinds(Differ.diff(schema(table("t", col("d", ColumnType.of(TypeKind.JSONB, "jsonb")))),
                schema(table("t", col("d", JSON))), DiffOptions.DEFAULTS)));
    }

    @Test
    void indexOrderPredicateAndMethodAreCompared() {
        var plain = table("t", col("a", INT), col("b", INT));
        var desc = indexes(plain, index("ix", "a", "b").withDetails(
                new IndexDetails(List.of("", "DESC"), Set.of(), Optional.empty(), "", List.of())));
        var partial = indexes(plain, index("ix", "a", "b").withDetails(
                new IndexDetails(List.of(), Set.of(), Optional.of("b > 0"), "", List.of())));
        var hash = indexes(plain, index("ix", "a", "b").withDetails(
                new IndexDetails(List.of(), Set.of(), Optional.empty(), "hash", List.of())));
        var same = indexes(plain, index("ix", "a", "b"));
        // the model's index states its order (ascending here): a descending key in the database is a changed index
        assertEquals(List.of("drop_index", "add_index"), kinds(Differ.diff(schema(desc), schema(same), DiffOptions.DEFAULTS)));
        assertEquals(List.of("drop_index", "add_index"), kinds(Differ.diff(schema(same), schema(desc), DiffOptions.DEFAULTS)));
        assertEquals(List.of("drop_index", "add_index"), kinds(Differ.diff(schema(partial), schema(same), DiffOptions.DEFAULTS)));
        assertEquals(List.of("drop_index", "add_index"), kinds(Differ.diff(schema(hash), schema(same), DiffOptions.DEFAULTS)));
        assertEquals(List.of(), Differ.diff(schema(desc), schema(desc), DiffOptions.DEFAULTS));
        // "ASC" for every key is the plain index
        var asc = indexes(plain, index("ix", "a", "b").withDetails(
                new IndexDetails(List.of("", ""), Set.of(), Optional.empty(), "", List.of())));
        assertEquals(List.of(), Differ.diff(schema(asc), schema(same), DiffOptions.DEFAULTS));
    }

    @Test
    void deferrableIsComparedOnlyWhenTheModelStatesIt() {
        var t = table("t", col("a", INT));
        var deferred = uniques(t, new UniqueConstraint("uk", List.of("a"), Origin.DATABASE, "DEFERRABLE INITIALLY DEFERRED"));
        assertEquals(List.of(), Differ.diff(schema(deferred), schema(uniques(t, unique("uk", "a"))), DiffOptions.DEFAULTS));
        var immediate = uniques(t, new UniqueConstraint("uk", List.of("a"), Origin.UNKNOWN, "DEFERRABLE"));
        assertEquals(List.of("drop_unique", "add_unique"), kinds(Differ.diff(schema(deferred), schema(immediate), DiffOptions.DEFAULTS)));
    }
}
