package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BACKFILL;
import static dev.concertina.engine.plan.HazardCode.BREAKS_OLD_CODE;
import static dev.concertina.engine.plan.HazardCode.CONVERSION_MAY_FAIL;
import static dev.concertina.engine.plan.HazardCode.DELETES_DATA;
import static dev.concertina.engine.plan.HazardCode.INDEX_BUILD;
import static dev.concertina.engine.plan.HazardCode.LONG_LOCK;
import static dev.concertina.engine.plan.HazardCode.MAY_FAIL_ON_EXISTING_ROWS;
import static dev.concertina.engine.plan.HazardCode.TABLE_REWRITE;
import static dev.concertina.engine.plan.HazardCode.WRITES_BLOCKED;
import static dev.concertina.engine.plan.Phase.CONTRACT;
import static dev.concertina.engine.plan.Phase.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts every change into the expand phase, the contract phase, or splits it across both, by the
 * table in DESIGN.md §4 (spelled out with reasons in {@code docs/planner.md}), and attaches its
 * hazards ({@code docs/hazards.md}).
 *
 * <p>The rules form a registry keyed by change type; a change kind without a rule is an error
 * naming the change, never a guess. The planner is a pure function: no database, no printing.
 */
public final class Planner {

    /** Plans one change. */
    @FunctionalInterface
    interface Rule {
        PlannedChange plan(Change change, Context context);
    }

    /** What a rule may consult besides its change. */
    static final class Context {
        final PlanHints hints;
        /** Tables created by this plan: building indexes or checking rows on them costs nothing. */
        final Set<String> newTables = new HashSet<>();
        /** Drop + add pairs of one index or constraint, kept together in one phase. */
        final Map<Change, Phase> paired = new IdentityHashMap<>();
        final List<String> warnings = new ArrayList<>();

        Context(PlanHints hints) {
            this.hints = hints;
        }
    }

    private static final Dialect[] MY = {Dialect.MARIADB, Dialect.MYSQL};

    private final Map<Class<? extends Change>, Rule> rules;

    private Planner(Map<Class<? extends Change>, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /**
     * Plans {@code changes} (as {@link dev.concertina.engine.diff.Differ#diff} returns them).
     * Rename hints turn drop + add pairs into renames first; unconfirmed look-alikes are reported
     * in {@link Plan#possibleRenames()}.
     *
     * @throws ConcertinaException (PLAN) naming a change of a kind the planner has no rule for
     */
    public static Plan plan(List<Change> changes, PlanHints hints) {
        return new Planner(defaultRules()).run(changes, hints);
    }

    /** A planner with only some rules: for proving that an unknown change kind is refused. */
    static Planner withRules(Map<Class<? extends Change>, Rule> rules) {
        return new Planner(rules);
    }

    Plan run(List<Change> input, PlanHints hints) {
        Renames.Resolution resolved = Renames.resolve(input, hints);
        Context ctx = new Context(hints);
        ctx.warnings.addAll(resolved.warnings());
        for (Change c : resolved.changes()) {
            if (c instanceof Change.AddTable a) {
                ctx.newTables.add(a.table());
            } else if (c instanceof Change.RenameTable r) {
                ctx.newTables.add(r.to().name());
            }
        }
        pairConstraints(resolved.changes(), ctx);
        refuseKeyRenames(resolved.changes());
        List<PlannedChange> planned = new ArrayList<>();
        for (Change c : resolved.changes()) {
            Rule rule = rules.get(c.getClass());
            if (rule == null) {
                throw new ConcertinaException(ErrorCode.PLAN, "plan " + c.describe() + ": no planner rule for change kind '"
                        + c.kind() + "'");
            }
            planned.add(rule.plan(c, ctx));
        }
        return Plan.of(planned, resolved.possible(), ctx.warnings);
    }

    /**
     * A renamed column that is in the primary key would be dropped in contract while the key still
     * uses it: moving a key needs its own, hand-written revision.
     */
    private static void refuseKeyRenames(List<Change> changes) {
        for (Change c : changes) {
            if (c instanceof Change.RenameColumn r) {
                boolean inKey = changes.stream().anyMatch(k -> k instanceof Change.AlterPrimaryKey a && a.table().equals(r.table())
                        && a.from().map(pk -> pk.columns().contains(r.from().name())).orElse(false));
                if (inKey) {
                    throw new ConcertinaException(ErrorCode.PLAN, "plan " + r.describe() + ": the column is in the primary key, "
                            + "which expand/contract cannot move while old code runs; rename it in a hand-written revision, "
                            + "or deny the rename with --no-rename " + r.table() + "." + r.from().name());
                }
            }
        }
    }

    static Map<Class<? extends Change>, Rule> defaultRules() {
        Map<Class<? extends Change>, Rule> m = new LinkedHashMap<>();
        rule(m, Change.AddTable.class, Planner::addTable);
        rule(m, Change.DropTable.class, Planner::dropTable);
        rule(m, Change.RenameTable.class, Planner::renameTable);
        rule(m, Change.AlterTableComment.class, (c, x) -> one(c, EXPAND, "a comment does not affect code", List.of()));
        rule(m, Change.AddColumn.class, Planner::addColumn);
        rule(m, Change.DropColumn.class, Planner::dropColumn);
        rule(m, Change.AlterColumn.class, Planner::alterColumn);
        rule(m, Change.RenameColumn.class, Planner::renameColumn);
        rule(m, Change.AlterPrimaryKey.class, Planner::alterPrimaryKey);
        rule(m, Change.AddIndex.class, Planner::addIndex);
        rule(m, Change.DropIndex.class, (c, x) -> drop(c, x, "old code's queries may still use the index"));
        rule(m, Change.AddUnique.class, Planner::addUnique);
        rule(m, Change.DropUnique.class, (c, x) -> drop(c, x, "a constraint is removed once no code relies on it"));
        rule(m, Change.AddForeignKey.class, Planner::addForeignKey);
        rule(m, Change.DropForeignKey.class, (c, x) -> drop(c, x, "a constraint is removed once no code relies on it"));
        rule(m, Change.AddCheck.class, Planner::addCheck);
        rule(m, Change.DropCheck.class, (c, x) -> drop(c, x, "a constraint is removed once no code relies on it"));
        rule(m, Change.AddSequence.class, (c, x) -> one(c, EXPAND, "additive: old code does not use the sequence", List.of()));
        rule(m, Change.DropSequence.class, (c, x) -> one(c, CONTRACT, "old code may still draw values from the sequence",
                List.of(Hazard.of(DELETES_DATA, CONTRACT, "the sequence position is lost"), Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses the sequence"))));
        rule(m, Change.AlterSequence.class, Planner::alterSequence);
        return m;
    }

    private static <T extends Change> void rule(Map<Class<? extends Change>, Rule> m, Class<T> type, BiFunction<T, Context, PlannedChange> f) {
        m.put(type, (c, x) -> f.apply(type.cast(c), x));
    }

    // ------------------------------------------------------------------ tables

    private static PlannedChange addTable(Change.AddTable c, Context x) {
        return one(c, EXPAND, "additive: old code does not know the table", List.of());
    }

    private static PlannedChange dropTable(Change.DropTable c, Context x) {
        List<Hazard> h = new ArrayList<>(List.of(Hazard.of(DELETES_DATA, CONTRACT, "all rows of \"" + c.table() + "\""),
                        Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses the table")));
        h.addAll(DependentHazards.of(c.definition()));
        return one(c, CONTRACT, "old code may still read and write the table", h);
    }

    private static PlannedChange renameTable(Change.RenameTable c, Context x) {
        Table from = c.from();
        Table to = c.to();
        List<Step.ColumnMapping> mappings = new ArrayList<>();
        boolean twoWay = true;
        boolean mayFail = false;
        for (Column n : to.columns()) {
            // A column renamed inside a renamed table: the hint names the new table.
            String oldName = x.hints.columnRenames().stream()
                    .filter(r -> r.table().equalsIgnoreCase(to.name()) && r.to().equalsIgnoreCase(n.name()))
                    .map(PlanHints.ColumnRename::from).findFirst().orElse(n.name());
            Optional<Column> o = from.columns().stream().filter(f -> f.name().equalsIgnoreCase(oldName)).findFirst();
            if (o.isEmpty()) {
                continue;
            }
            Optional<TypeChange.Conversion> conv = conversion(to.name(), o.get(), n, x);
            if (conv.isEmpty()) {
                twoWay = false;
                continue;
            }
            mayFail |= conv.get().downMayFail() || conv.get().upMayFail();
            twoWay &= conv.get().twoWay();
            mappings.add(new Step.ColumnMapping(o.get().name(), n.name(), conv.get().up(),
                    conv.get().down().orElse(new Expr.ColumnRef(n.name()))));
        }
        List<String> key = to.primaryKey().map(PrimaryKey::columns).orElse(List.of());
        boolean keyMapped = !key.isEmpty() && key.stream().allMatch(k -> mappings.stream().anyMatch(m -> m.newColumn().equals(k)));
        List<Step> e = new ArrayList<>();
        List<Step> k = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        // Copied rows and old code's writes carry no value for a new NOT NULL column: it starts nullable.
        List<Column> unfilled = to.columns().stream()
                .filter(n -> !n.nullable() && n.defaultValue().isEmpty() && !n.identity()
                        && mappings.stream().noneMatch(m -> m.newColumn().equals(n.name())))
                .toList();
        Table created = to.withColumns(to.columns().stream().map(n -> unfilled.contains(n) ? n.withNullable(true) : n).toList());
        e.add(new Step.Ddl(new Change.AddTable(created)));
        if (twoWay && keyMapped) {
            e.add(new Step.InstallTableSync(from.name(), to.name(), mappings, key));
            e.add(new Step.CopyRows(from.name(), to.name(), mappings, key));
            k.add(new Step.DropTableSync(from.name(), to.name(), mappings, key));
            if (mayFail) {
                h.add(Hazard.of(CONVERSION_MAY_FAIL, EXPAND, "column types differ between \"" + from.name() + "\" and \"" + to.name() + "\""));
            }
        } else {
            String why = keyMapped ? "some columns have no two-way conversion" : "no primary key shared by both tables";
            String msg = guardMessage(from.name(), "it becomes \"" + to.name() + "\" and " + why, "it becomes \"" + to.name() + "\"");
            e.add(0, new Step.InstallGuard(from.name(), msg));
            if (keyMapped) {
                e.add(new Step.CopyRows(from.name(), to.name(), mappings, key));
            } else {
                x.warnings.add("rename table \"" + from.name() + "\" to \"" + to.name() + "\": " + why + "; rows are not copied");
                h.add(Hazard.of(DELETES_DATA, CONTRACT, "rows of \"" + from.name() + "\" are not carried over"));
            }
            h.add(Hazard.of(WRITES_BLOCKED, EXPAND, why));
            k.add(new Step.DropGuard(from.name(), msg));
        }
        if (e.stream().anyMatch(s -> s instanceof Step.CopyRows)) {
            h.add(Hazard.of(BACKFILL, EXPAND, "copies every row of \"" + from.name() + "\""));
        }
        k.add(new Step.Ddl(new Change.DropTable(from)));
        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses \"" + from.name() + "\""));
        h.addAll(DependentHazards.of(from));
        for (Column n : unfilled) {
            k.add(new Step.CheckExistingRows(to.name(), new RowCondition.NotNull(n.name()),
                    "\"" + to.name() + "\".\"" + n.name() + "\" has NULL rows: fill them before setting NOT NULL"));
            k.add(new Step.Ddl(new Change.AlterColumn(to.name(), n.withNullable(true), n, Set.of(ColumnAspect.NULLABLE))));
            h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + to.name() + "\".\"" + n.name() + "\""));
            x.warnings.add("rename table \"" + from.name() + "\" to \"" + to.name() + "\": new column \"" + n.name()
                    + "\" is NOT NULL without a default; it stays nullable until contract, which fails until it is filled");
        }
        boolean synced = e.stream().anyMatch(s -> s instanceof Step.InstallTableSync);
        return new PlannedChange(c, e, k, merge(h), synced
                ? "split: the new table is created and kept in step with the old one while old code runs; the old one is dropped in contract"
                : "split: the old table is read-only while the new one is created and filled; the old one is dropped in contract");
    }

    // ------------------------------------------------------------------ columns

    private static PlannedChange addColumn(Change.AddColumn c, Context x) {
        Column col = c.column();
        String table = c.table();
        if (col.nullable() || col.defaultValue().isPresent() || col.identity()) {
            List<Hazard> h = new ArrayList<>();
            if (col.identity()) {
                h.add(Hazard.of(TABLE_REWRITE, EXPAND, "fills identity values for existing rows"));
            } else if (col.defaultValue().map(d -> d.contains("(")).orElse(false)) {
                h.add(Hazard.on(TABLE_REWRITE, EXPAND, "default " + col.defaultValue().get() + " is evaluated for every row", Dialect.POSTGRES));
            }
            return one(c, EXPAND, "additive: old code does not write the column"
                    + (col.nullable() ? "" : ", and the default fills it when old code inserts"), h);
        }
        Column nullable = col.withNullable(true);
        List<Step> e = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        e.add(new Step.Ddl(new Change.AddColumn(table, nullable)));
        Optional<PlanHints.BackfillHint> fill = x.hints.backfill(table, col.name());
        if (fill.isPresent()) {
            e.add(new Step.Backfill(table, col.name(), new Expr.Sql(fill.get().expression())));
            h.add(Hazard.of(BACKFILL, EXPAND, "\"" + col.name() + "\" := " + fill.get().expression()));
        } else {
            x.warnings.add("add column \"" + table + "\".\"" + col.name() + "\" NOT NULL without a default: existing rows and rows "
                    + "old code inserts stay NULL, and contract fails until they are filled; give a backfill expression in the hints "
                    + "or a default in the model");
        }
        List<Step> k = new ArrayList<>();
        // Old code kept inserting rows without the column after the expand backfill; it is gone
        // by contract, so one more (idempotent, NULL-only) backfill leaves nothing for the check.
        fill.ifPresent(f -> k.add(new Step.Backfill(table, col.name(), new Expr.Sql(f.expression()))));
        k.add(new Step.CheckExistingRows(table, new RowCondition.NotNull(col.name()),
                "\"" + table + "\".\"" + col.name() + "\" has NULL rows: fill them before setting NOT NULL"));
        k.add(new Step.Ddl(new Change.AlterColumn(table, nullable, col, Set.of(ColumnAspect.NULLABLE))));
        h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + col.name() + "\""));
        h.addAll(scanHazards(CONTRACT, "SET NOT NULL validates every row"));
        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code inserts rows without \"" + col.name() + "\""));
        return new PlannedChange(c, e, k, h,
                "split: added nullable so old code can still insert, NOT NULL once old code is gone");
    }

    private static PlannedChange dropColumn(Change.DropColumn c, Context x) {
        Column col = c.column();
        List<Hazard> h = List.of(Hazard.of(DELETES_DATA, CONTRACT, "values of \"" + c.table() + "\".\"" + col.name() + "\""),
                Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code reads and writes \"" + col.name() + "\""));
        if (col.nullable() || col.defaultValue().isPresent() || col.identity()) {
            return one(c, CONTRACT, "old code may still read and write the column", h);
        }
        // New code no longer writes the column: while it runs next to the old column, the column
        // must accept NULL or the new code's inserts fail.
        Column relaxed = col.withNullable(true);
        return new PlannedChange(c,
                List.of(new Step.Ddl(new Change.AlterColumn(c.table(), col, relaxed, Set.of(ColumnAspect.NULLABLE)))),
                List.of(new Step.Ddl(new Change.DropColumn(c.table(), relaxed))), h,
                "split: made nullable first so new code, which no longer writes it, can insert; dropped once old code is gone");
    }

    private static PlannedChange alterColumn(Change.AlterColumn c, Context x) {
        String table = c.table();
        Column from = c.from();
        Column to = c.to();
        String col = to.name();
        EnumSet<ColumnAspect> expandAspects = EnumSet.noneOf(ColumnAspect.class);
        EnumSet<ColumnAspect> contractAspects = EnumSet.noneOf(ColumnAspect.class);
        TypeChange typeChange = TypeChange.of(from.type(), to.type());
        boolean incompatible = false;
        List<Hazard> h = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ColumnAspect a : c.orderedAspects()) {
            switch (a) {
                case TYPE:
                    if (typeChange == TypeChange.WIDEN) {
                        expandAspects.add(a);
                        h.add(new Hazard(TABLE_REWRITE, EXPAND, from.type() + " -> " + to.type(), TypeChange.rewritesOn(from.type(), to.type())));
                        reasons.add("widening the type keeps every old value");
                    } else if (typeChange == TypeChange.NARROW) {
                        contractAspects.add(a);
                        h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "values that do not fit " + to.type()));
                        h.add(new Hazard(TABLE_REWRITE, CONTRACT, from.type() + " -> " + to.type(), TypeChange.rewritesOn(from.type(), to.type())));
                        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write values that do not fit " + to.type()));
                        reasons.add("narrowing the type waits until old code, which may write wider values, is gone");
                    } else {
                        incompatible = true;
                    }
                    break;
                case NULLABLE:
                    if (to.nullable()) {
                        expandAspects.add(a);
                        reasons.add("allowing NULL does not affect old code");
                    } else {
                        contractAspects.add(a);
                        h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + col + "\""));
                        h.addAll(scanHazards(CONTRACT, "SET NOT NULL validates every row"));
                        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write NULL to \"" + col + "\""));
                        reasons.add("NOT NULL waits until old code, which may write NULL, is gone");
                    }
                    break;
                case DEFAULT:
                    if (to.defaultValue().isPresent()) {
                        expandAspects.add(a);
                        reasons.add("a new default only fills values old code leaves out");
                    } else {
                        contractAspects.add(a);
                        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may rely on the default of \"" + col + "\""));
                        reasons.add("dropping the default waits until old code, which may rely on it, is gone");
                    }
                    break;
                case IDENTITY:
                    if (to.identity()) {
                        expandAspects.add(a);
                        h.add(Hazard.on(TABLE_REWRITE, EXPAND, "AUTO_INCREMENT / identity change", Dialect.MARIADB, Dialect.MYSQL, Dialect.H2));
                        reasons.add("a generated value only fills what old code leaves out");
                    } else {
                        contractAspects.add(a);
                        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may rely on generated values of \"" + col + "\""));
                        reasons.add("removing identity waits until old code, which may rely on it, is gone");
                    }
                    break;
                default:
                    expandAspects.add(a);
                    reasons.add("a comment does not affect code");
                    break;
            }
        }

        Column mid = from;
        for (ColumnAspect a : expandAspects) {
            mid = a.copy(to, mid);
        }
        List<Step> e = new ArrayList<>();
        List<Step> k = new ArrayList<>();
        if (!expandAspects.isEmpty()) {
            e.add(new Step.Ddl(new Change.AlterColumn(table, from, mid, expandAspects)));
        }
        Optional<String> fill = contractAspects.contains(ColumnAspect.NULLABLE)
                ? x.hints.backfill(table, col).map(PlanHints.BackfillHint::expression).or(() -> to.defaultValue())
                : Optional.empty();
        if (contractAspects.contains(ColumnAspect.NULLABLE)) {
            if (fill.isPresent()) {
                e.add(new Step.Backfill(table, col, new Expr.Sql(fill.get())));
                h.add(Hazard.of(BACKFILL, EXPAND, "\"" + col + "\" := " + fill.get() + " where NULL"));
            }
        }
        String guardMessage = "";
        if (incompatible) {
            TypeChange.Conversion conv = conversion(table, from, to, x).orElse(null);
            if (conv == null) {
                x.warnings.add("alter column \"" + table + "\".\"" + col + "\" " + from.type() + " -> " + to.type()
                        + ": no conversion known; contract relies on the database's cast; give a conversion hint");
                conv = new TypeChange.Conversion(new Expr.Cast(new Expr.ColumnRef(col), to.type()),
                        Optional.of(new Expr.Cast(new Expr.ColumnRef(col), from.type())), true, true, "database cast");
            }
            guardMessage = guardMessage(table, "column \"" + col + "\" changes type " + from.type() + " -> " + to.type(),
                    "column \"" + col + "\" changes type");
            e.add(new Step.InstallGuard(table, guardMessage));
            if (conv.upMayFail()) {
                k.add(new Step.CheckExistingRows(table, new RowCondition.Converts(col, conv.up()),
                        "\"" + table + "\".\"" + col + "\" has values that do not convert to " + to.type()));
                h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "values that do not convert to " + to.type()));
            }
            Column converted = mid.withType(to.type());
            k.add(new Step.ConvertColumn(table, mid, converted, conv.up(),
                    conv.down().orElse(new Expr.Cast(new Expr.ColumnRef(col), from.type()))));
            mid = converted;
            h.add(Hazard.of(WRITES_BLOCKED, EXPAND, "no way for old and new code to share \"" + col + "\" across a type change"));
            h.add(Hazard.of(TABLE_REWRITE, CONTRACT, from.type() + " -> " + to.type()));
            h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code reads \"" + col + "\" as " + from.type()));
            reasons.add("an incompatible type under the same name cannot serve old and new code: writes are blocked "
                    + "from expand to contract, which converts in place (rename the column to keep writes open)");
        }
        if (contractAspects.contains(ColumnAspect.TYPE)) {
            k.add(new Step.CheckExistingRows(table, new RowCondition.FitsType(col, to.type()),
                    "\"" + table + "\".\"" + col + "\" has values that do not fit " + to.type()));
        }
        if (contractAspects.contains(ColumnAspect.NULLABLE)) {
            // Old code may have written NULLs after the expand backfill; it is gone by contract.
            fill.ifPresent(f -> k.add(new Step.Backfill(table, col, new Expr.Sql(f))));
            k.add(new Step.CheckExistingRows(table, new RowCondition.NotNull(col),
                    "\"" + table + "\".\"" + col + "\" has NULL rows: fill them before setting NOT NULL"));
        }
        if (!contractAspects.isEmpty()) {
            k.add(new Step.Ddl(new Change.AlterColumn(table, mid, to, contractAspects)));
        }
        if (incompatible) {
            k.add(new Step.DropGuard(table, guardMessage));
        }
        return new PlannedChange(c, e, k, merge(h), String.join("; ", reasons));
    }

    private static PlannedChange renameColumn(Change.RenameColumn c, Context x) {
        String table = c.table();
        Column from = c.from();
        Column to = c.to();
        Optional<TypeChange.Conversion> found = conversion(table, from, to, x);
        Column added = to.withNullable(true).withIdentity(false);
        List<Step> e = new ArrayList<>();
        List<Step> k = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        String why;
        boolean twoWay = found.map(TypeChange.Conversion::twoWay).orElse(false);
        String guardMessage = twoWay ? "" : guardMessage(table,
                "column \"" + from.name() + "\" becomes \"" + to.name() + "\" (" + from.type() + " -> " + to.type() + ")",
                "column \"" + from.name() + "\" becomes \"" + to.name() + "\"", "column \"" + from.name() + "\" is renamed");
        if (!twoWay) {
            e.add(new Step.InstallGuard(table, guardMessage));
            h.add(Hazard.of(WRITES_BLOCKED, EXPAND, "no two-way conversion " + from.type() + " <-> " + to.type()));
            x.warnings.add("rename column \"" + table + "\".\"" + from.name() + "\" to \"" + to.name() + "\": no two-way conversion "
                    + from.type() + " <-> " + to.type() + ", so writes to \"" + table + "\" are blocked between expand and contract; "
                    + "give a conversion hint with a down expression to keep them open");
        }
        e.add(new Step.Ddl(new Change.AddColumn(table, added)));
        if (found.isPresent()) {
            TypeChange.Conversion conv = found.get();
            if (conv.upMayFail()) {
                e.add(e.size() - 1, new Step.CheckExistingRows(table, new RowCondition.Converts(from.name(), conv.up()),
                        "\"" + table + "\".\"" + from.name() + "\" has values that do not convert to " + to.type()));
                h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, EXPAND, "values that do not convert to " + to.type()));
            }
            if (twoWay) {
                e.add(new Step.InstallSync(table, from.name(), to.name(), conv.up(), conv.down().get()));
                k.add(new Step.DropSync(table, from.name(), to.name(), conv.up(), conv.down().get()));
                if (conv.downMayFail() || conv.upMayFail()) {
                    h.add(Hazard.of(CONVERSION_MAY_FAIL, EXPAND, conv.up().describe() + " / " + conv.down().get().describe()));
                }
            }
            e.add(new Step.Backfill(table, to.name(), conv.up()));
            h.add(Hazard.of(BACKFILL, EXPAND, "\"" + to.name() + "\" := " + conv.up().describe()));
            why = twoWay
                    ? "split: the new column is added and kept equal to the old one by a sync trigger while old code runs; "
                    + "the old column is dropped in contract"
                    : "split: writes are blocked while the new column is filled; the old column is dropped in contract";
        } else {
            h.add(Hazard.of(DELETES_DATA, CONTRACT, "no conversion " + from.type() + " -> " + to.type() + ": values of \""
                    + from.name() + "\" are not carried over"));
            why = "split: writes are blocked from expand to contract; no conversion is known, so the values are not carried over";
        }
        k.add(new Step.Ddl(new Change.DropColumn(table, from)));
        h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code uses \"" + from.name() + "\""));
        EnumSet<ColumnAspect> tighten = EnumSet.noneOf(ColumnAspect.class);
        for (ColumnAspect a : ColumnAspect.values()) {
            if (a.differs(added, to)) {
                tighten.add(a);
            }
        }
        if (!tighten.isEmpty()) {
            if (tighten.contains(ColumnAspect.NULLABLE)) {
                k.add(new Step.CheckExistingRows(table, new RowCondition.NotNull(to.name()),
                        "\"" + table + "\".\"" + to.name() + "\" has NULL rows: fill them before setting NOT NULL"));
                h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, CONTRACT, "rows with NULL in \"" + to.name() + "\""));
                h.addAll(scanHazards(CONTRACT, "SET NOT NULL validates every row"));
            }
            k.add(new Step.Ddl(new Change.AlterColumn(table, added, to, tighten)));
        }
        if (!twoWay) {
            k.add(new Step.DropGuard(table, guardMessage));
        }
        return new PlannedChange(c, e, k, merge(h), why);
    }

    /** A hint's conversion for the new column, else the default one. */
    private static Optional<TypeChange.Conversion> conversion(String table, Column from, Column to, Context x) {
        Optional<PlanHints.Conversion> hint = x.hints.conversion(table, to.name());
        if (hint.isPresent()) {
            // A hint's expressions are the user's SQL: whether they can fail is unknown, so rows are checked.
            return Optional.of(new TypeChange.Conversion(new Expr.Template(hint.get().up(), PlanHints.OLD, from.name()),
                    hint.get().down().map(d -> new Expr.Template(d, PlanHints.NEW, to.name())),
                    true, hint.get().down().isPresent(), "hint"));
        }
        return TypeChange.defaultConversion(from, to);
    }

    private static PlannedChange alterPrimaryKey(Change.AlterPrimaryKey c, Context x) {
        Phase phase = c.from().isEmpty() ? EXPAND : CONTRACT;
        List<Step> steps = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        if (c.to().isPresent()) {
            List<String> cols = c.to().get().columns();
            steps.add(new Step.CheckExistingRows(c.table(), new RowCondition.Unique(cols),
                    "\"" + c.table() + "\" has duplicate or NULL values in " + cols + ": the primary key cannot be created"));
            h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, phase, "duplicate or NULL keys"));
            h.add(Hazard.of(INDEX_BUILD, phase, "primary key index " + cols));
            h.add(Hazard.on(TABLE_REWRITE, phase, "InnoDB rebuilds the clustered index", MY));
        }
        steps.add(new Step.Ddl(c));
        if (phase == CONTRACT) {
            h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code identifies rows by the old key"));
        }
        return new PlannedChange(c, phase == EXPAND ? steps : List.of(), phase == CONTRACT ? steps : List.of(), merge(h),
                phase == EXPAND ? "a new primary key on a table that had none is additive"
                        : "old code identifies rows by the old primary key");
    }

    // ------------------------------------------------------------------ indexes and constraints

    private static PlannedChange addIndex(Change.AddIndex c, Context x) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        Phase phase = x.paired.getOrDefault(c, EXPAND);
        if (!x.newTables.contains(c.table())) {
            if (c.index().unique()) {
                steps.add(new Step.CheckExistingRows(c.table(), new RowCondition.Unique(c.index().columns()),
                        "\"" + c.table() + "\" has duplicates in " + c.index().columns() + ": the unique index cannot be built"));
                h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, phase, "duplicates in " + c.index().columns()));
            }
            h.add(Hazard.of(INDEX_BUILD, phase, "index on " + c.index().columns()));
        }
        steps.add(new Step.Ddl(c));
        return placed(c, phase, steps, h, phase == EXPAND ? "additive: an index does not change what code may write"
                : "replaces an index dropped in contract under the same name or columns");
    }

    private static PlannedChange addUnique(Change.AddUnique c, Context x) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        Phase phase = x.paired.getOrDefault(c, EXPAND);
        if (!x.newTables.contains(c.table())) {
            steps.add(new Step.CheckExistingRows(c.table(), new RowCondition.Unique(c.unique().columns()),
                    "\"" + c.table() + "\" has duplicates in " + c.unique().columns() + ": the unique constraint cannot be added"));
            h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, phase, "duplicates in " + c.unique().columns()));
            h.add(Hazard.of(INDEX_BUILD, phase, "unique index on " + c.unique().columns()));
        }
        steps.add(new Step.Ddl(c));
        return placed(c, phase, steps, h, phase == EXPAND ? "additive constraint (existing rows are checked first)"
                : "replaces a constraint dropped in contract under the same name or columns");
    }

    private static PlannedChange addForeignKey(Change.AddForeignKey c, Context x) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        Phase phase = x.paired.getOrDefault(c, EXPAND);
        if (!x.newTables.contains(c.table())) {
            steps.add(new Step.CheckExistingRows(c.table(), new RowCondition.ReferencesExist(c.foreignKey()),
                    "\"" + c.table() + "\" has rows whose " + c.foreignKey().columns() + " have no match in \""
                            + c.foreignKey().referencedTable() + "\""));
            h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, phase, "rows without a match in \"" + c.foreignKey().referencedTable() + "\""));
            h.addAll(scanHazards(phase, "validates every row"));
        }
        steps.add(new Step.Ddl(c));
        return placed(c, phase, steps, h, phase == CONTRACT ? "replaces a foreign key dropped in contract under the same name or columns"
                : x.newTables.contains(c.table()) ? "additive: the table is new, so no row can violate it"
                : "additive constraint (existing rows are checked first)");
    }

    private static PlannedChange addCheck(Change.AddCheck c, Context x) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> h = new ArrayList<>();
        Phase phase = x.paired.getOrDefault(c, EXPAND);
        // A check that replaces a narrower one (an IN list that gains values) cannot fail on existing rows.
        boolean loosens = x.paired.get(c) == EXPAND;
        if (!x.newTables.contains(c.table()) && loosens) {
            h.addAll(scanHazards(phase, "validates every row"));
        } else if (!x.newTables.contains(c.table())) {
            steps.add(new Step.CheckExistingRows(c.table(), new RowCondition.Satisfies(c.check().expression()),
                    "\"" + c.table() + "\" has rows violating (" + c.check().expression() + ")"));
            h.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, phase, "rows violating (" + c.check().expression() + ")"));
            h.addAll(scanHazards(phase, "validates every row"));
            if (phase == CONTRACT) {
                h.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write values the tighter check rejects"));
            }
        }
        steps.add(new Step.Ddl(c));
        return placed(c, phase, steps, h, loosens ? "loosens a check (its enum values only grow), together with the check it replaces"
                : phase == EXPAND ? "additive constraint (existing rows are checked first)"
                : "tightens a check: waits until old code, which may write the values it rejects, is gone");
    }

    /** Drops go to contract, except the drop half of a loosening pair (expand). */
    private static PlannedChange drop(Change c, Context x, String why) {
        Phase phase = x.paired.getOrDefault(c, CONTRACT);
        return placed(c, phase, List.of(new Step.Ddl(c)), List.of(),
                phase == CONTRACT ? why : "loosens a constraint, together with its replacement");
    }

    private static PlannedChange alterSequence(Change.AlterSequence c, Context x) {
        if (c.from().increment() != c.to().increment()) {
            return one(c, CONTRACT, "old code allocates ids in blocks of the old increment",
                    List.of(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "pooled id allocation assumes increment " + c.from().increment())));
        }
        return one(c, EXPAND, "a new start value does not move the current value", List.of());
    }

    /**
     * Finds drop + add pairs of one index or constraint (same table and kind, same non-empty name
     * or same columns; for checks, an enum-style domain of the same column). A loosening pair (a
     * unique index made plain, an IN list that only gains values) goes to expand, every other pair
     * to contract, both halves together: the add may reuse the dropped name.
     */
    static void pairConstraints(List<Change> changes, Context x) {
        Map<String, List<Change>> byTable = new LinkedHashMap<>();
        for (Change c : changes) {
            byTable.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c);
        }
        for (List<Change> same : byTable.values()) {
            pairWithin(same, x);
        }
    }

    private static void pairWithin(List<Change> changes, Context x) {
        for (Change d : changes) {
            for (Change a : changes) {
                if (x.paired.containsKey(a) || x.paired.containsKey(d)) {
                    continue;
                }
                Optional<Phase> phase = pairPhase(d, a);
                if (phase.isPresent()) {
                    x.paired.put(d, phase.get());
                    x.paired.put(a, phase.get());
                }
            }
        }
    }

    private static Optional<Phase> pairPhase(Change d, Change a) {
        boolean sameName = !d.name().isEmpty() && d.name().equals(a.name());
        if (d instanceof Change.DropIndex di && a instanceof Change.AddIndex ai) {
            if (sameName || di.index().columns().equals(ai.index().columns())) {
                boolean loosens = di.index().unique() && !ai.index().unique() && di.index().columns().equals(ai.index().columns());
                return Optional.of(loosens ? EXPAND : CONTRACT);
            }
        } else if (d instanceof Change.DropUnique du && a instanceof Change.AddUnique au) {
            if (sameName || du.unique().columns().equals(au.unique().columns())) {
                return Optional.of(CONTRACT);
            }
        } else if (d instanceof Change.DropForeignKey df && a instanceof Change.AddForeignKey af) {
            if (sameName || df.foreignKey().columns().equals(af.foreignKey().columns())) {
                return Optional.of(CONTRACT);
            }
        } else if (d instanceof Change.DropCheck dc && a instanceof Change.AddCheck ac) {
            Optional<Domain> old = Domain.parse(dc.check().expression());
            Optional<Domain> now = Domain.parse(ac.check().expression());
            if (old.isPresent() && now.isPresent() && old.get().column().equalsIgnoreCase(now.get().column())
                    && old.get().isRange() == now.get().isRange()) {
                return Optional.of(now.get().containsAll(old.get()) ? EXPAND : CONTRACT);
            }
            if (sameName) {
                return Optional.of(CONTRACT);
            }
        }
        return Optional.empty();
    }

    /**
     * The values one column may take under a CHECK of the shapes Hibernate writes for enums:
     * {@code status in ('A','B')} (STRING) or {@code status >= 0 and status <= 2} (ORDINAL; the
     * canonical form of {@code between}).
     */
    record Domain(String column, Set<String> values, long low, long high) {
        private static final Pattern IN = Pattern.compile(
                "^\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s+in\\s*\\((.*)\\)\\s*\\)*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        private static final Pattern RANGE = Pattern.compile(
                "^\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*>=\\s*(-?[0-9]+)\\s+and\\s+\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*<=\\s*(-?[0-9]+)\\s*\\)*$",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern VALUE = Pattern.compile("'((?:[^']|'')*)'|(-?[0-9]+)");

        static Optional<Domain> parse(String expression) {
            String e = expression.trim();
            Matcher r = RANGE.matcher(e);
            if (r.matches() && r.group(1).equalsIgnoreCase(r.group(3))) {
                return Optional.of(new Domain(r.group(1), Set.of(), Long.parseLong(r.group(2)), Long.parseLong(r.group(4))));
            }
            Matcher m = IN.matcher(e);
            if (!m.matches()) {
                return Optional.empty();
            }
            Set<String> values = new HashSet<>();
            Matcher v = VALUE.matcher(m.group(2));
            while (v.find()) {
                values.add(v.group(1) != null ? v.group(1).replace("''", "'") : v.group(2));
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(new Domain(m.group(1), Set.copyOf(values), 0, -1));
        }

        boolean isRange() {
            return values.isEmpty();
        }

        /** True when every value allowed by {@code other} is allowed here. */
        boolean containsAll(Domain other) {
            if (isRange() != other.isRange()) {
                return false;
            }
            return isRange() ? low <= other.low && high >= other.high : values.containsAll(other.values);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PlannedChange one(Change c, Phase phase, String why, List<Hazard> hazards) {
        return placed(c, phase, List.of(new Step.Ddl(c)), hazards, why);
    }

    private static PlannedChange placed(Change c, Phase phase, List<Step> steps, List<Hazard> hazards, String why) {
        return new PlannedChange(c, phase == EXPAND ? steps : List.of(), phase == CONTRACT ? steps : List.of(), merge(hazards), why);
    }

    /** A validation scan: PostgreSQL and H2 hold a lock while reading every row; MariaDB/MySQL copy the table. */
    private static List<Hazard> scanHazards(Phase phase, String detail) {
        return List.of(Hazard.on(LONG_LOCK, phase, detail, Dialect.POSTGRES, Dialect.H2),
                Hazard.on(TABLE_REWRITE, phase, detail + " (ALGORITHM=COPY)", MY));
    }

    /** One hazard per code, phase and dialect set, details joined, in first-seen order. */
    /**
     * The message of a write guard on {@code table}: it says the table is read-only and what ends
     * it, followed by the first of {@code details} (most telling first) that still fits in
     * {@link Step.InstallGuard#MAX_MESSAGE} characters, or none.
     *
     * @throws ConcertinaException (PLAN) when even the table name alone does not fit
     */
    static String guardMessage(String table, String... details) {
        String head = "table \"" + table + "\" is read-only until the contract migration runs";
        for (String d : details) {
            String m = head + ": " + d;
            if (m.length() <= Step.InstallGuard.MAX_MESSAGE) {
                return m;
            }
        }
        if (head.length() > Step.InstallGuard.MAX_MESSAGE) {
            throw new ConcertinaException(ErrorCode.PLAN, "write guard on \"" + table + "\": the table name is too long for a guard message of "
                    + Step.InstallGuard.MAX_MESSAGE + " characters (MariaDB's SIGNAL limit); shorten the name, or give a two-way conversion hint so no guard is needed");
        }
        return head;
    }

    private static List<Hazard> merge(List<Hazard> hazards) {
        Map<List<Object>, Hazard> m = new LinkedHashMap<>();
        for (Hazard h : hazards) {
            List<Object> key = List.of(h.code(), h.phase(), h.dialects());
            Hazard prior = m.get(key);
            if (prior == null) {
                m.put(key, h);
            } else if (!prior.detail().contains(h.detail())) {
                m.put(key, new Hazard(h.code(), h.phase(), prior.detail() + "; " + h.detail(), h.dialects()));
            }
        }
        return new ArrayList<>(m.values());
    }
}
