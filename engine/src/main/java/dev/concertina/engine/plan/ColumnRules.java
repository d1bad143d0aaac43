package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BACKFILL;
import static dev.concertina.engine.plan.HazardCode.BREAKS_OLD_CODE;
import static dev.concertina.engine.plan.HazardCode.CONVERSION_MAY_FAIL;
import static dev.concertina.engine.plan.HazardCode.DELETES_DATA;
import static dev.concertina.engine.plan.HazardCode.MAY_FAIL_ON_EXISTING_ROWS;
import static dev.concertina.engine.plan.HazardCode.TABLE_REWRITE;
import static dev.concertina.engine.plan.HazardCode.WRITES_BLOCKED;
import static dev.concertina.engine.plan.RuleSupport.guardMessage;
import static dev.concertina.engine.plan.RuleSupport.merge;
import static dev.concertina.engine.plan.RuleSupport.single;
import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.Column;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Planner rules for adding, dropping and renaming columns (altering one is {@link AlterColumnRule}). */
final class ColumnRules {

    private ColumnRules() {}

    static PlannedChange addColumn(Change.AddColumn change, PlanContext context) {
        Column column = change.column();
        String table = change.table();
        if (column.details().generated().isPresent()) {
            // The database computes every row's value: nothing for old code to write, nothing to backfill.
            return single(
                    change,
                    EXPAND,
                    "additive: the database computes the column, old code does not write it",
                    List.of(Hazard.of(
                            TABLE_REWRITE,
                            EXPAND,
                            "computes \"" + column.name() + "\" as "
                                    + column.details().generated().get() + " for every row")));
        }
        if (column.nullable() || column.defaultValue().isPresent() || column.identity()) {
            List<Hazard> hazards = new ArrayList<>();
            if (column.identity()) {
                hazards.add(Hazard.of(TABLE_REWRITE, EXPAND, "fills identity values for existing rows"));
            } else if (column.defaultValue().map(d -> d.contains("(")).orElse(false)) {
                hazards.add(Hazard.on(
                        TABLE_REWRITE,
                        EXPAND,
                        "default " + column.defaultValue().get() + " is evaluated for every row",
                        Dialect.POSTGRES));
            }
            return single(
                    change,
                    EXPAND,
                    "additive: old code does not write the column"
                            + (column.nullable() ? "" : ", and the default fills it when old code inserts"),
                    hazards);
        }
        Column nullable = column.withNullable(true);
        List<Step> expand = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        expand.add(new Step.Ddl(new Change.AddColumn(table, nullable)));
        Optional<PlanHints.BackfillHint> fill = context.hints.backfill(table, column.name());
        if (fill.isPresent()) {
            expand.add(new Step.BackfillColumn(
                    table, column.name(), new Expr.Sql(fill.get().expression())));
            hazards.add(Hazard.of(
                    BACKFILL,
                    EXPAND,
                    "\"" + column.name() + "\" := " + fill.get().expression()));
        } else {
            context.warnings.add("add column \"" + table + "\".\"" + column.name() + "\" NOT NULL without a default: "
                    + "existing rows and rows old code inserts stay NULL, and contract fails until they are filled; "
                    + "give a backfill expression in the hints or a default in the model");
        }
        List<Step> contract = new ArrayList<>();
        // Old code kept inserting rows without the column after the expand backfill; it is gone
        // by contract, so one more (idempotent, NULL-only) backfill leaves nothing for the check.
        fill.ifPresent(f -> contract.add(new Step.BackfillColumn(table, column.name(), new Expr.Sql(f.expression()))));
        contract.add(new Step.CheckExistingRows(
                table,
                new RowCondition.NotNull(column.name()),
                "\"" + table + "\".\"" + column.name() + "\" has NULL rows: fill them before setting NOT NULL"));
        contract.add(new Step.Ddl(new Change.AlterColumn(table, nullable, column, Set.of(ColumnAspect.NULLABLE))));
        hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + column.name() + "\""));
        hazards.addAll(OnlineHazards.setNotNull(CONTRACT));
        hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code inserts rows without \"" + column.name() + "\""));
        return new PlannedChange(
                change,
                expand,
                contract,
                hazards,
                "split: added nullable so old code can still insert, NOT NULL once old code is gone");
    }

    static PlannedChange dropColumn(Change.DropColumn change, PlanContext context) {
        Column column = change.column();
        List<Hazard> hazards = List.of(
                Hazard.of(DELETES_DATA, CONTRACT, "values of \"" + change.table() + "\".\"" + column.name() + "\""),
                Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code reads and writes \"" + column.name() + "\""));
        if (column.nullable() || column.defaultValue().isPresent() || column.identity()) {
            return single(change, CONTRACT, "old code may still read and write the column", hazards);
        }
        // New code no longer writes the column: while it runs next to the old column, the column
        // must accept NULL or the new code's inserts fail.
        Column relaxed = column.withNullable(true);
        return new PlannedChange(
                change,
                List.of(new Step.Ddl(
                        new Change.AlterColumn(change.table(), column, relaxed, Set.of(ColumnAspect.NULLABLE)))),
                List.of(new Step.Ddl(new Change.DropColumn(change.table(), relaxed))),
                hazards,
                "split: made nullable first so new code, which no longer writes it, can insert; "
                        + "dropped once old code is gone");
    }

    static PlannedChange renameColumn(Change.RenameColumn change, PlanContext context) {
        String table = change.table();
        Column from = change.from();
        Column to = change.to();
        Optional<ColumnConversion> found = conversion(table, from, to, context);
        Optional<PlanHints.BackfillHint> acceptedLoss = found.isPresent()
                ? Optional.empty()
                : Optional.of(context.hints.backfill(table, to.name()).orElseThrow(() -> lossRefused(change)));
        boolean twoWay = found.map(ColumnConversion::twoWay).orElse(false);
        // While the sync trigger runs the new column has no default: the trigger copies the old
        // release's value only into a null new column (docs/expand.md, "Defaults"). The default
        // comes with the contract, after the trigger is gone.
        Column added = twoWay
                ? to.withNullable(true).withIdentity(false).withDefault(Optional.empty())
                : to.withNullable(true).withIdentity(false);
        List<Step> expand = new ArrayList<>();
        List<Step> contract = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        String why;
        String guardMessage = twoWay
                ? ""
                : guardMessage(
                        table,
                        "column \"" + from.name() + "\" becomes \"" + to.name() + "\" (" + from.type() + " -> "
                                + to.type() + ")",
                        "column \"" + from.name() + "\" becomes \"" + to.name() + "\"",
                        "column \"" + from.name() + "\" is renamed");
        if (!twoWay) {
            expand.add(new Step.InstallGuard(table, guardMessage));
            hazards.add(
                    Hazard.of(WRITES_BLOCKED, EXPAND, "no two-way conversion " + from.type() + " <-> " + to.type()));
            context.warnings.add("rename column \"" + table + "\".\"" + from.name() + "\" to \"" + to.name()
                    + "\": no two-way conversion " + from.type() + " <-> " + to.type() + ", so writes to \"" + table
                    + "\" are blocked between expand and contract; "
                    + "give a conversion hint with a down expression to keep them open");
        }
        expand.add(new Step.Ddl(new Change.AddColumn(table, added)));
        if (found.isPresent()) {
            ColumnConversion conversion = found.get();
            if (TypeChange.of(from.type(), to.type()) == TypeChange.NARROW
                    && !conversion.source().equals("hint")) {
                // A cast into a narrower type may truncate silently (PostgreSQL's varchar(n)): count the misfits.
                expand.add(
                        expand.size() - 1,
                        new Step.CheckExistingRows(
                                table,
                                new RowCondition.FitsType(from.name(), to.type()),
                                "\"" + table + "\".\"" + from.name() + "\" has values that do not fit " + to.type()));
                hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, EXPAND, "values that do not fit " + to.type()));
            } else if (conversion.upMayFail()) {
                expand.add(
                        expand.size() - 1,
                        new Step.CheckExistingRows(
                                table,
                                new RowCondition.Converts(from.name(), conversion.up()),
                                "\"" + table + "\".\"" + from.name() + "\" has values that do not convert to "
                                        + to.type()));
                hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, EXPAND, "values that do not convert to " + to.type()));
            }
            if (twoWay) {
                Expr down = conversion.down().get();
                // H2 makes a NOT NULL old column nullable when the trigger is installed (it checks NOT
                // NULL before triggers run): the expand's downgrade makes it NOT NULL again there.
                expand.add(new Step.InstallSync(
                        table,
                        from.name(),
                        to.name(),
                        conversion.up(),
                        down,
                        from.nullable()
                                ? List.of()
                                : List.of(new Step.Ddl(new Change.AlterColumn(
                                        table, from.withNullable(true), from, EnumSet.of(ColumnAspect.NULLABLE))))));
                // Each step of the contract commits on its own on MariaDB and H2, so the new release
                // must be able to insert at every moment: it never writes the old column, which the
                // trigger fills. A NOT NULL old column is relaxed first, while the trigger still runs,
                // so the moment between the trigger's drop and the column's drop accepts its inserts.
                Column relaxed = from.withNullable(true);
                if (!from.nullable()) {
                    // Undone last: NOT NULL comes back (online form) once the refill left no NULL.
                    contract.add(new Step.Ddl(
                            new Change.AlterColumn(table, from, relaxed, EnumSet.of(ColumnAspect.NULLABLE)),
                            List.of(
                                    new Step.CheckExistingRows(
                                            table,
                                            new RowCondition.NotNull(from.name()),
                                            "\"" + table + "\".\"" + from.name()
                                                    + "\" has NULL rows: fill them before setting NOT NULL"),
                                    new Step.Ddl(new Change.AlterColumn(
                                            table, relaxed, from, EnumSet.of(ColumnAspect.NULLABLE))))));
                }
                contract.add(new Step.DropSync(
                        table, from.name(), to.name(), conversion.up(), down, refill(table, from, down)));
                if (conversion.downMayFail() || conversion.upMayFail()) {
                    hazards.add(Hazard.of(
                            CONVERSION_MAY_FAIL, EXPAND, conversion.up().describe() + " / " + down.describe()));
                }
            }
            expand.add(new Step.BackfillColumn(table, to.name(), conversion.up()));
            hazards.add(Hazard.of(
                    BACKFILL,
                    EXPAND,
                    "\"" + to.name() + "\" := " + conversion.up().describe()));
            why = twoWay
                    ? "split: the new column is added and kept equal to the old one by a sync trigger while old code "
                            + "runs; the old column is dropped in contract"
                    : "split: writes are blocked while the new column is filled; the old column is dropped in contract";
        } else {
            // The loss was accepted by a backfill hint: the new column gets its value, not the old one's.
            String value = acceptedLoss.orElseThrow().expression();
            expand.add(new Step.BackfillColumn(table, to.name(), new Expr.Sql(value)));
            hazards.add(Hazard.of(BACKFILL, EXPAND, "\"" + to.name() + "\" := " + value));
            hazards.add(Hazard.of(
                    DELETES_DATA,
                    CONTRACT,
                    "no conversion " + from.type() + " -> " + to.type() + ": values of \"" + from.name()
                            + "\" are not carried over (the backfill hint accepts it)"));
            why = "split: writes are blocked from expand to contract; no conversion is known, so the new column is "
                    + "filled by the backfill hint and the old values are not carried over";
        }
        contract.add(
                twoWay && restorable(from)
                        ? new Step.Ddl(
                                new Change.DropColumn(table, from),
                                List.of(new Step.Ddl(new Change.AddColumn(table, bare(from)))))
                        : new Step.Ddl(new Change.DropColumn(table, from)));
        hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses \"" + from.name() + "\""));
        EnumSet<ColumnAspect> tighten = EnumSet.noneOf(ColumnAspect.class);
        for (ColumnAspect aspect : ColumnAspect.values()) {
            if (aspect.differs(added, to)) {
                tighten.add(aspect);
            }
        }
        if (!tighten.isEmpty()) {
            if (tighten.contains(ColumnAspect.NULLABLE)) {
                contract.add(new Step.CheckExistingRows(
                        table,
                        new RowCondition.NotNull(to.name()),
                        "\"" + table + "\".\"" + to.name() + "\" has NULL rows: fill them before setting NOT NULL"));
                hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + to.name() + "\""));
                hazards.addAll(OnlineHazards.setNotNull(CONTRACT));
            }
            contract.add(new Step.Ddl(new Change.AlterColumn(table, added, to, tighten)));
        }
        if (!twoWay) {
            contract.add(new Step.DropGuard(table, guardMessage));
        }
        return new PlannedChange(change, expand, contract, merge(hazards), why);
    }

    /**
     * A split rename's contract is undone while the new release runs and before the old one may
     * start again, each moment writable: the old column comes back nullable and without a default
     * (so the refill sees every row), the sync trigger is reinstalled, the old column is refilled
     * from the new one through the down conversion, then its default and NOT NULL come back. An
     * identity or generated old column cannot be added back as it was: its drop stays refused.
     */
    private static boolean restorable(Column from) {
        return !from.identity() && from.details().generated().isEmpty();
    }

    /** The old column as the downgrade adds it back: nullable, no default. */
    private static Column bare(Column from) {
        return from.withNullable(true).withDefault(Optional.empty());
    }

    /** What a downgrade runs once the sync trigger is back: the refill, then the old column's default. */
    private static List<Step> refill(String table, Column from, Expr down) {
        if (!restorable(from)) {
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        out.add(new Step.BackfillColumn(table, from.name(), down));
        if (from.defaultValue().isPresent()) {
            out.add(new Step.Ddl(new Change.AlterColumn(
                    table, bare(from), from.withNullable(true), EnumSet.of(ColumnAspect.DEFAULT))));
        }
        return out;
    }

    /**
     * A rename whose type change has no conversion would lose every value of the column: refused,
     * like an undecided rename, unless a backfill hint for the new column accepts the loss.
     */
    private static ConcertinaException lossRefused(Change.RenameColumn change) {
        String table = change.table();
        String from = change.from().name();
        String to = change.to().name();
        return new ConcertinaException(
                ErrorCode.PLAN,
                "plan " + change.describe() + ": no conversion "
                        + change.from().type() + " -> " + change.to().type() + " is known, so every value of \"" + from
                        + "\" would be lost; give one with a convert hint (convert " + table + "." + to
                        + " up \"<SQL using {old}>\" down \"<SQL using {new}>\"), or accept the loss explicitly: fill \""
                        + to
                        + "\" with a backfill hint (backfill " + table + "." + to
                        + " using \"<SQL value>\"), or deny the rename"
                        + " (--no-rename " + table + "." + from + ") to drop and add the column");
    }

    /** A hint's conversion for the new column, else the default one. */
    static Optional<ColumnConversion> conversion(String table, Column from, Column to, PlanContext context) {
        Optional<PlanHints.ConversionHint> hint = context.hints.conversion(table, to.name());
        if (hint.isPresent()) {
            // A hint's expressions are the user's SQL: whether they can fail is unknown, so rows are checked.
            return Optional.of(new ColumnConversion(
                    new Expr.Template(hint.get().up(), PlanHints.OLD, from.name()),
                    hint.get().down().map(d -> new Expr.Template(d, PlanHints.NEW, to.name())),
                    true,
                    hint.get().down().isPresent(),
                    "hint"));
        }
        return TypeChange.defaultConversion(from, to);
    }
}
