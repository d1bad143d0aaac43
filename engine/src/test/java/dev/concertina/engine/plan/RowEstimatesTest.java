package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Kept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Origin;
import dev.concertina.runtime.Dialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Row estimates in the hazards of steps that copy a table. */
class RowEstimatesTest {

    private static Plan checkOn(String table) {
        return Planner.plan(List.of(new Change.AddCheck(table, new CheckConstraint("ck_qty", "qty > 0", Origin.UNKNOWN))), PlanHints.NONE);
    }

    private static List<String> rewrites(Plan plan) {
        return plan.changes().get(0).hazards().stream().filter(h -> h.code() == HazardCode.TABLE_REWRITE).map(Hazard::detail).toList();
    }

    @Test
    void aTableCopyOnMariaDbNamesTheRowsItCopies() {
        Plan plan = RowEstimates.annotate(checkOn("item"), Dialect.MARIADB, Map.of("item", 12_345_678L, "other", 5L));
        assertEquals(List.of("MariaDB: a shadow table with the check, filled in batches while triggers keep it in step, swapped in by"
                + " RENAME TABLE under a brief metadata lock, writes go on; MySQL, or a table with foreign keys, triggers of its own"
                + " or no primary key: ALGORITHM=COPY, writes wait for the copy;"
                + " about 12,345,678 rows to copy (the database's estimate)"), rewrites(plan));
    }

    @Test
    void otherDatabasesAndUnknownTablesAreLeftAlone() {
        Plan plan = checkOn("item");
        assertEquals(rewrites(plan), rewrites(RowEstimates.annotate(plan, Dialect.POSTGRES, Map.of("item", 10L))));
        assertEquals(rewrites(plan), rewrites(RowEstimates.annotate(plan, Dialect.MARIADB, Map.of("other", 10L))));
        assertSame(plan, RowEstimates.annotate(plan, Dialect.MARIADB, Map.of()));
    }

    @Test
    void everythingElseOfThePlanSurvives() {
        Kept kept = new Kept(Kept.Kind.INDEX, "item", "ix_item", "(\"sku\")", "the entities declare no @Index on this table");
        Plan plan = checkOn("item").withKept(List.of(kept)).withSpellings(Map.of("item", "ITEM"))
                .withQuotedNames(java.util.Set.of("item"));
        Plan annotated = RowEstimates.annotate(plan, Dialect.MARIADB, Map.of("item", 7L));
        assertEquals(List.of(kept), annotated.kept(), "kept differences are not lost on MariaDB");
        assertEquals(plan.spellings(), annotated.spellings());
        assertEquals(plan.quotedNames(), annotated.quotedNames());
    }
}
