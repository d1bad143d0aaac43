package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BACKFILL;
import static dev.concertina.engine.plan.HazardCode.BREAKS_OLD_CODE;
import static dev.concertina.engine.plan.HazardCode.CONVERSION_MAY_FAIL;
import static dev.concertina.engine.plan.HazardCode.DELETES_DATA;
import static dev.concertina.engine.plan.HazardCode.MAY_FAIL_ON_EXISTING_ROWS;
import static dev.concertina.engine.plan.HazardCode.WRITES_BLOCKED;
import static dev.concertina.engine.plan.RuleSupport.guardMessage;
import static dev.concertina.engine.plan.RuleSupport.merge;
import static dev.concertina.engine.plan.RuleSupport.single;
import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Planner rules for whole tables and sequences. */
final class TableRules {

    private TableRules() {}

    static PlannedChange addTable(Change.AddTable change, PlanContext context) {
        return single(change, EXPAND, "additive: old code does not know the table", List.of());
    }

    static PlannedChange dropTable(Change.DropTable change, PlanContext context) {
        List<Hazard> hazards = new ArrayList<>(List.of(
                Hazard.of(DELETES_DATA, CONTRACT, "all rows of \"" + change.table() + "\""),
                Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses the table")));
        hazards.addAll(DependentHazards.of(change.definition()));
        return single(change, CONTRACT, "old code may still read and write the table", hazards);
    }

    static PlannedChange alterSequence(Change.AlterSequence change, PlanContext context) {
        if (change.from().increment() != change.to().increment()) {
            return single(
                    change,
                    CONTRACT,
                    "old code allocates ids in blocks of the old increment",
                    List.of(Hazard.of(
                            BREAKS_OLD_CODE,
                            CONTRACT,
                            "pooled id allocation assumes increment "
                                    + change.from().increment())));
        }
        return single(change, EXPAND, "a new start value does not move the current value", List.of());
    }

    static PlannedChange dropSequence(Change.DropSequence change, PlanContext context) {
        return single(
                change,
                CONTRACT,
                "old code may still draw values from the sequence",
                List.of(
                        Hazard.of(DELETES_DATA, CONTRACT, "the sequence position is lost"),
                        Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses the sequence")));
    }

    /** How the columns of a renamed table carry over, and whether both tables can stay in step. */
    private record Carried(List<Step.ColumnMapping> mappings, boolean twoWay, boolean mayFail) {}

    private static Carried carriedColumns(Table from, Table to, PlanContext context) {
        List<Step.ColumnMapping> mappings = new ArrayList<>();
        boolean twoWay = true;
        boolean mayFail = false;
        for (Column newColumn : to.columns()) {
            // A column renamed inside a renamed table: the hint names the new table.
            String oldName = context.hints.columnRenames().stream()
                    .filter(r -> r.table().equalsIgnoreCase(to.name()) && r.to().equalsIgnoreCase(newColumn.name()))
                    .map(PlanHints.ColumnRename::from)
                    .findFirst()
                    .orElse(newColumn.name());
            Optional<Column> oldColumn = from.columns().stream()
                    .filter(f -> f.name().equalsIgnoreCase(oldName))
                    .findFirst();
            if (oldColumn.isEmpty() || (generated(oldColumn.get()) && generated(newColumn))) {
                // A generated column on both sides is computed by each table: nothing to write or copy.
                continue;
            }
            Optional<ColumnConversion> conversion =
                    ColumnRules.conversion(to.name(), oldColumn.get(), newColumn, context);
            if (conversion.isEmpty()) {
                twoWay = false;
                continue;
            }
            mayFail |= conversion.get().downMayFail() || conversion.get().upMayFail();
            twoWay &= conversion.get().twoWay();
            mappings.add(new Step.ColumnMapping(
                    oldColumn.get().name(),
                    newColumn.name(),
                    conversion.get().up(),
                    conversion.get().down().orElse(new Expr.ColumnRef(newColumn.name()))));
        }
        return new Carried(mappings, twoWay, mayFail);
    }

    private static boolean generated(Column column) {
        return column.details().generated().isPresent();
    }

    static PlannedChange renameTable(Change.RenameTable change, PlanContext context) {
        Table from = change.from();
        Table to = change.to();
        Carried carried = carriedColumns(from, to, context);
        List<Step.ColumnMapping> mappings = carried.mappings();
        List<String> key = to.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        boolean keyMapped = !key.isEmpty()
                && key.stream()
                        .allMatch(k ->
                                mappings.stream().anyMatch(m -> m.newColumn().equals(k)));
        List<Step> expand = new ArrayList<>();
        List<Step> contract = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        // Copied rows and old code's writes carry no value for a new NOT NULL column: it starts nullable.
        List<Column> unfilled = to.columns().stream()
                .filter(n -> !n.nullable()
                        && n.defaultValue().isEmpty()
                        && !n.identity()
                        && !generated(n)
                        && mappings.stream().noneMatch(m -> m.newColumn().equals(n.name())))
                .toList();
        Table created = to.withColumns(to.columns().stream()
                .map(n -> unfilled.contains(n) ? n.withNullable(true) : n)
                .toList());
        for (Step.ColumnMapping mapping : mappings) {
            Column oldColumn = from.column(mapping.oldColumn()).orElseThrow();
            Column newColumn = to.column(mapping.newColumn()).orElseThrow();
            if (TypeChange.of(oldColumn.type(), newColumn.type()) == TypeChange.NARROW) {
                // Copied rows go through a cast that may truncate silently: count the misfits first.
                expand.add(new Step.CheckExistingRows(
                        from.name(),
                        new RowCondition.FitsType(oldColumn.name(), newColumn.type()),
                        "\"" + from.name() + "\".\"" + oldColumn.name() + "\" has values that do not fit "
                                + newColumn.type()));
                hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, EXPAND, "values that do not fit " + newColumn.type()));
            }
        }
        expand.add(new Step.Ddl(new Change.AddTable(created)));
        // The new table computes a column generated there; the sync still writes its value back to the old one.
        List<Step.ColumnMapping> copied = mappings.stream()
                .filter(m -> !generated(to.column(m.newColumn()).orElseThrow()))
                .toList();
        if (carried.twoWay() && keyMapped) {
            expand.add(new Step.InstallTableSync(from.name(), to.name(), mappings, key));
            expand.add(new Step.CopyRows(from.name(), to.name(), copied, key));
            contract.add(new Step.DropTableSync(from.name(), to.name(), mappings, key));
            if (carried.mayFail()) {
                hazards.add(Hazard.of(
                        CONVERSION_MAY_FAIL,
                        EXPAND,
                        "column types differ between \"" + from.name() + "\" and \"" + to.name() + "\""));
            }
        } else {
            String why = keyMapped ? "some columns have no two-way conversion" : "no primary key shared by both tables";
            String message = guardMessage(
                    from.name(), "it becomes \"" + to.name() + "\" and " + why, "it becomes \"" + to.name() + "\"");
            expand.add(0, new Step.InstallGuard(from.name(), message));
            if (keyMapped) {
                expand.add(new Step.CopyRows(from.name(), to.name(), copied, key));
            } else {
                context.warnings.add("rename table \"" + from.name() + "\" to \"" + to.name() + "\": " + why
                        + "; rows are not copied");
                hazards.add(Hazard.of(DELETES_DATA, CONTRACT, "rows of \"" + from.name() + "\" are not carried over"));
            }
            hazards.add(Hazard.of(WRITES_BLOCKED, EXPAND, why));
            contract.add(new Step.DropGuard(from.name(), message));
        }
        if (expand.stream().anyMatch(s -> s instanceof Step.CopyRows)) {
            hazards.add(Hazard.of(BACKFILL, EXPAND, "copies every row of \"" + from.name() + "\""));
        }
        contract.add(new Step.Ddl(new Change.DropTable(from)));
        hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses \"" + from.name() + "\""));
        hazards.addAll(DependentHazards.of(from));
        for (Column column : unfilled) {
            contract.add(new Step.CheckExistingRows(
                    to.name(),
                    new RowCondition.NotNull(column.name()),
                    "\"" + to.name() + "\".\"" + column.name()
                            + "\" has NULL rows: fill them before setting NOT NULL"));
            contract.add(new Step.Ddl(new Change.AlterColumn(
                    to.name(), column.withNullable(true), column, Set.of(ColumnAspect.NULLABLE))));
            hazards.add(Hazard.of(
                    MAY_FAIL_ON_EXISTING_ROWS,
                    CONTRACT,
                    "rows with NULL in \"" + to.name() + "\".\"" + column.name() + "\""));
            context.warnings.add("rename table \"" + from.name() + "\" to \"" + to.name() + "\": new column \""
                    + column.name() + "\" is NOT NULL without a default; it stays nullable until contract, "
                    + "which fails until it is filled");
        }
        boolean synced = expand.stream().anyMatch(s -> s instanceof Step.InstallTableSync);
        return new PlannedChange(
                change,
                expand,
                contract,
                merge(hazards),
                synced
                        ? "split: the new table is created and kept in step with the old one while old code runs; "
                                + "the old one is dropped in contract"
                        : "split: the old table is read-only while the new one is created and filled; "
                                + "the old one is dropped in contract");
    }
}
