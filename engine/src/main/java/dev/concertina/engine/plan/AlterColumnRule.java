package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BACKFILL;
import static dev.concertina.engine.plan.HazardCode.BREAKS_OLD_CODE;
import static dev.concertina.engine.plan.HazardCode.DELETES_DATA;
import static dev.concertina.engine.plan.HazardCode.INDEX_BUILD;
import static dev.concertina.engine.plan.HazardCode.MAY_FAIL_ON_EXISTING_ROWS;
import static dev.concertina.engine.plan.HazardCode.TABLE_REWRITE;
import static dev.concertina.engine.plan.HazardCode.WRITES_BLOCKED;
import static dev.concertina.engine.plan.RuleSupport.guardMessage;
import static dev.concertina.engine.plan.RuleSupport.merge;
import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.Column;
import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Plans a change to one column in place: each changed aspect goes to expand when it only loosens
 * (widening type, allowing NULL, a new default or identity) and to contract when it tightens; a
 * type change between families blocks writes from expand and converts in contract.
 */
final class AlterColumnRule {

    private final Change.AlterColumn change;
    private final PlanContext context;
    private final String table;
    private final Column from;
    private final Column to;
    private final String column;
    private final EnumSet<ColumnAspect> expandAspects = EnumSet.noneOf(ColumnAspect.class);
    private final EnumSet<ColumnAspect> contractAspects = EnumSet.noneOf(ColumnAspect.class);
    private final List<Hazard> hazards = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private boolean incompatibleType;

    private AlterColumnRule(Change.AlterColumn change, PlanContext context) {
        this.change = change;
        this.context = context;
        this.table = change.table();
        this.from = change.from();
        this.to = change.to();
        this.column = to.name();
    }

    static PlannedChange plan(Change.AlterColumn change, PlanContext context) {
        return new AlterColumnRule(change, context).plan();
    }

    private PlannedChange plan() {
        for (ColumnAspect aspect : change.orderedAspects()) {
            switch (aspect) {
                case TYPE -> type();
                case NULLABLE -> nullable();
                case DEFAULT -> defaultValue();
                case IDENTITY -> identity();
                case COLLATION -> collation();
                case GENERATED -> generated();
                default -> {
                    expandAspects.add(aspect);
                    reasons.add("a comment does not affect code");
                }
            }
        }
        return steps();
    }

    private void type() {
        TypeChange typeChange = TypeChange.of(from.type(), to.type());
        String types = from.type() + " -> " + to.type();
        if (typeChange == TypeChange.WIDEN) {
            expandAspects.add(ColumnAspect.TYPE);
            hazards.addAll(OnlineHazards.typeChange(EXPAND, types, TypeChange.rewritesOn(from.type(), to.type())));
            reasons.add("widening the type keeps every old value");
        } else if (typeChange == TypeChange.NARROW) {
            contractAspects.add(ColumnAspect.TYPE);
            if (to.type().modifiers().stream().anyMatch(m -> m.startsWith("enum type "))) {
                context.warnings.add("alter column \"" + table + "\".\"" + column + "\" " + types
                        + ": PostgreSQL cannot remove a label of an enum type in place; the generated step refuses"
                        + " there when it runs: write it by hand");
            }
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "values that do not fit " + to.type()));
            hazards.addAll(OnlineHazards.typeChange(CONTRACT, types, TypeChange.rewritesOn(from.type(), to.type())));
            hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write values that do not fit " + to.type()));
            reasons.add("narrowing the type waits until old code, which may write wider values, is gone");
        } else {
            incompatibleType = true;
        }
    }

    /**
     * A new collation changes how values compare and sort (a unique index may reject rows that were
     * distinct, old code's queries may order differently): contract, once old code is gone.
     */
    private void collation() {
        contractAspects.add(ColumnAspect.COLLATION);
        String change = "collation " + from.details().collation().orElse("default") + " -> "
                + to.details().collation().orElse("default");
        hazards.add(Hazard.of(INDEX_BUILD, CONTRACT, change + ": indexes on \"" + column + "\" are rebuilt"));
        // PostgreSQL rebuilds the indexes only (no rewrite), MariaDB 10.11 in place (instant without an index).
        hazards.add(Hazard.on(TABLE_REWRITE, CONTRACT, change, Dialect.MYSQL));
        hazards.add(
                Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "a unique index on \"" + column + "\" under " + change));
        hazards.add(Hazard.of(
                BREAKS_OLD_CODE, CONTRACT, "old code compares and sorts \"" + column + "\" by the old collation"));
        reasons.add("a collation changes comparison and order: it waits until old code is gone");
    }

    /**
     * A generated column's expression cannot be changed in place on every database: the column is
     * dropped and added again in contract (its values are computed anew; indexes on it go with it).
     */
    private void generated() {
        contractAspects.add(ColumnAspect.GENERATED);
        String change = from.details().generated().orElse("stored values") + " -> "
                + to.details().generated().orElse("none");
        hazards.add(Hazard.of(DELETES_DATA, CONTRACT, "\"" + column + "\" dropped and added again: " + change));
        hazards.add(Hazard.of(TABLE_REWRITE, CONTRACT, "computes \"" + column + "\" for every row"));
        hazards.add(Hazard.of(
                BREAKS_OLD_CODE, CONTRACT, "old code reads \"" + column + "\" as " + change.split(" -> ")[0]));
        reasons.add(
                "a generated expression is replaced by dropping and adding the column: it waits until old code is gone");
    }

    private void nullable() {
        if (to.nullable()) {
            expandAspects.add(ColumnAspect.NULLABLE);
            reasons.add("allowing NULL does not affect old code");
        } else {
            contractAspects.add(ColumnAspect.NULLABLE);
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + column + "\""));
            hazards.addAll(OnlineHazards.setNotNull(CONTRACT));
            hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write NULL to \"" + column + "\""));
            reasons.add("NOT NULL waits until old code, which may write NULL, is gone");
        }
    }

    private void defaultValue() {
        if (to.defaultValue().isPresent()) {
            expandAspects.add(ColumnAspect.DEFAULT);
            reasons.add("a new default only fills values old code leaves out");
        } else {
            contractAspects.add(ColumnAspect.DEFAULT);
            hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may rely on the default of \"" + column + "\""));
            reasons.add("dropping the default waits until old code, which may rely on it, is gone");
        }
    }

    private void identity() {
        if (to.identity()) {
            expandAspects.add(ColumnAspect.IDENTITY);
            hazards.add(Hazard.on(
                    TABLE_REWRITE,
                    EXPAND,
                    "AUTO_INCREMENT / identity change",
                    Dialect.MARIADB,
                    Dialect.MYSQL,
                    Dialect.H2));
            reasons.add("a generated value only fills what old code leaves out");
        } else {
            contractAspects.add(ColumnAspect.IDENTITY);
            hazards.add(Hazard.of(
                    BREAKS_OLD_CODE, CONTRACT, "old code may rely on generated values of \"" + column + "\""));
            reasons.add("removing identity waits until old code, which may rely on it, is gone");
        }
    }

    private PlannedChange steps() {
        Column mid = from;
        for (ColumnAspect aspect : expandAspects) {
            mid = aspect.copy(to, mid);
        }
        List<Step> expand = new ArrayList<>();
        List<Step> contract = new ArrayList<>();
        if (!expandAspects.isEmpty()) {
            expand.add(new Step.Ddl(new Change.AlterColumn(table, from, mid, expandAspects)));
        }
        boolean setsNotNull = contractAspects.contains(ColumnAspect.NULLABLE);
        Optional<String> fill = setsNotNull
                ? context.hints
                        .backfill(table, column)
                        .map(PlanHints.BackfillHint::expression)
                        .or(to::defaultValue)
                : Optional.empty();
        if (fill.isPresent()) {
            expand.add(new Step.BackfillColumn(table, column, new Expr.Sql(fill.get())));
            hazards.add(Hazard.of(BACKFILL, EXPAND, "\"" + column + "\" := " + fill.get() + " where NULL"));
        }
        String guard = "";
        if (incompatibleType) {
            guard = guardMessage(
                    table,
                    "column \"" + column + "\" changes type " + from.type() + " -> " + to.type(),
                    "column \"" + column + "\" changes type");
            expand.add(new Step.InstallGuard(table, guard));
            mid = convertInContract(mid, contract);
        }
        if (contractAspects.contains(ColumnAspect.TYPE)) {
            contract.add(new Step.CheckExistingRows(
                    table,
                    new RowCondition.FitsType(column, to.type()),
                    "\"" + table + "\".\"" + column + "\" has values that do not fit " + to.type()));
        }
        if (setsNotNull) {
            // Old code may have written NULLs after the expand backfill; it is gone by contract.
            fill.ifPresent(f -> contract.add(new Step.BackfillColumn(table, column, new Expr.Sql(f))));
            contract.add(new Step.CheckExistingRows(
                    table,
                    new RowCondition.NotNull(column),
                    "\"" + table + "\".\"" + column + "\" has NULL rows: fill them before setting NOT NULL"));
        }
        if (!contractAspects.isEmpty()) {
            contract.add(new Step.Ddl(new Change.AlterColumn(table, mid, to, contractAspects)));
        }
        if (incompatibleType) {
            contract.add(new Step.DropGuard(table, guard));
        }
        return new PlannedChange(change, expand, contract, merge(hazards), String.join("; ", reasons));
    }

    /** Adds the contract steps converting the column in place; returns the column as converted. */
    private Column convertInContract(Column mid, List<Step> contract) {
        ColumnConversion conversion =
                ColumnRules.conversion(table, from, to, context).orElse(null);
        if (conversion == null) {
            context.warnings.add("alter column \"" + table + "\".\"" + column + "\" " + from.type() + " -> " + to.type()
                    + ": no conversion known; contract relies on the database's cast; give a conversion hint");
            conversion = new ColumnConversion(
                    new Expr.Cast(new Expr.ColumnRef(column), to.type()),
                    Optional.of(new Expr.Cast(new Expr.ColumnRef(column), from.type())),
                    true,
                    true,
                    "database cast");
        }
        if (conversion.upMayFail()) {
            contract.add(new Step.CheckExistingRows(
                    table,
                    new RowCondition.Converts(column, conversion.up()),
                    "\"" + table + "\".\"" + column + "\" has values that do not convert to " + to.type()));
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "values that do not convert to " + to.type()));
        }
        Column converted = mid.withType(to.type());
        contract.add(new Step.ConvertColumn(
                table,
                mid,
                converted,
                conversion.up(),
                conversion.down().orElse(new Expr.Cast(new Expr.ColumnRef(column), from.type()))));
        hazards.add(Hazard.of(
                WRITES_BLOCKED,
                EXPAND,
                "no way for old and new code to share \"" + column + "\" across a type change"));
        hazards.addAll(OnlineHazards.conversion(CONTRACT, from.type() + " -> " + to.type()));
        hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code reads \"" + column + "\" as " + from.type()));
        reasons.add("an incompatible type under the same name cannot serve old and new code: writes are blocked "
                + "from expand to contract, which converts in place (rename the column to keep writes open)");
        return converted;
    }
}
