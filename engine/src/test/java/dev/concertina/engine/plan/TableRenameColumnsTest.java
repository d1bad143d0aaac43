package dev.concertina.engine.plan;

import static dev.concertina.engine.diff.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnDetails;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which columns a renamed table's sync and row copy write (issue 12: a generated column takes no value). */
class TableRenameColumnsTest {

    private static Column area(boolean generated) {
        Column c = col("area", INT);
        return generated ? c.withDetails(ColumnDetails.NONE.withGenerated(Optional.of("width * height"), true)) : c;
    }

    private static PlannedChange rename(boolean oldGenerated, boolean newGenerated) {
        Plan plan = Planner.plan(
                Differ.diff(
                        schema(table("gauge_a", col("width", INT), col("height", INT), area(oldGenerated))),
                        schema(table("gauge_b", col("width", INT), col("height", INT), area(newGenerated))),
                        DiffOptions.DEFAULTS),
                PlanHints.NONE.withTableRename("gauge_a", "gauge_b"));
        return plan.changes().get(0);
    }

    private static List<String> columns(PlannedChange change, Class<? extends Step> kind) {
        return change.expand().stream()
                .filter(kind::isInstance)
                .findFirst()
                .map(s -> (s instanceof Step.InstallTableSync t ? t.columns() : ((Step.CopyRows) s).columns()).stream()
                        .map(Step.ColumnMapping::newColumn)
                        .toList())
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " in " + change.expand()));
    }

    @Test
    void aColumnGeneratedOnBothSidesIsNeitherSyncedNorCopied() {
        PlannedChange change = rename(true, true);
        assertEquals(List.of("id", "width", "height"), columns(change, Step.InstallTableSync.class));
        assertEquals(List.of("id", "width", "height"), columns(change, Step.CopyRows.class));
    }

    @Test
    void aColumnGeneratedOnlyInTheNewTableIsSyncedBackButNotCopied() {
        PlannedChange change = rename(false, true);
        assertEquals(List.of("id", "width", "height", "area"), columns(change, Step.InstallTableSync.class));
        assertEquals(List.of("id", "width", "height"), columns(change, Step.CopyRows.class));
    }

    @Test
    void plainColumnsAreSyncedAndCopied() {
        PlannedChange change = rename(false, false);
        assertEquals(List.of("id", "width", "height", "area"), columns(change, Step.InstallTableSync.class));
        assertEquals(List.of("id", "width", "height", "area"), columns(change, Step.CopyRows.class));
    }
}
