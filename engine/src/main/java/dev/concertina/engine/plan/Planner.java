package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.RuleSupport.single;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.SchemaDiff;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts every change into the expand branch, the contract branch, or splits it across both (the
 * table with reasons is in {@code docs/planner.md}), and attaches its hazards ({@code docs/hazards.md}).
 *
 * <p>The rules form a registry keyed by change type, grouped in families: {@link TableRules},
 * {@link ColumnRules}, {@link AlterColumnRule}, {@link ConstraintRules}. A change kind without a
 * rule is an error naming the change, never a guess. The planner is a pure function: no database,
 * no printing.
 */
public final class Planner {

    /** Plans one change. */
    @FunctionalInterface
    interface Rule {
        PlannedChange plan(Change change, PlanContext context);
    }

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

    /** Plans the changes of {@code diff} and lists its kept differences with the plan. */
    public static Plan plan(SchemaDiff diff, PlanHints hints) {
        return plan(diff.changes(), hints).withKept(diff.kept());
    }

    /** A planner with only some rules: for proving that an unknown change kind is refused. */
    static Planner withRules(Map<Class<? extends Change>, Rule> rules) {
        return new Planner(rules);
    }

    Plan run(List<Change> input, PlanHints hints) {
        Renames.Resolution resolved = Renames.resolve(input, hints);
        PlanContext context = new PlanContext(hints);
        context.warnings.addAll(resolved.warnings());
        for (Change change : resolved.changes()) {
            if (change instanceof Change.AddTable added) {
                context.newTables.add(added.table());
            } else if (change instanceof Change.RenameTable renamed) {
                context.newTables.add(renamed.to().name());
            }
        }
        ConstraintPairs.pair(resolved.changes(), context);
        refuseKeyRenames(resolved.changes());
        List<PlannedChange> planned = new ArrayList<>();
        for (Change change : resolved.changes()) {
            Rule rule = rules.get(change.getClass());
            if (rule == null) {
                throw new ConcertinaException(
                        ErrorCode.PLAN,
                        "plan " + change.describe() + ": no planner rule for change kind '" + change.kind() + "'");
            }
            planned.add(rule.plan(change, context));
        }
        return Plan.of(planned, resolved.possible(), context.warnings);
    }

    /**
     * A renamed column that is in the primary key would be dropped in contract while the key still
     * uses it: moving a key needs its own, hand-written revision.
     */
    private static void refuseKeyRenames(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof Change.RenameColumn rename) {
                boolean inKey = changes.stream()
                        .anyMatch(other -> other instanceof Change.AlterPrimaryKey key
                                && key.table().equals(rename.table())
                                && key.from()
                                        .map(pk -> pk.columns()
                                                .contains(rename.from().name()))
                                        .orElse(false));
                if (inKey) {
                    throw new ConcertinaException(
                            ErrorCode.PLAN,
                            "plan " + rename.describe()
                                    + ": the column is in the primary key, which expand/contract cannot move while old code runs;"
                                    + " rename it in a hand-written revision, or deny the rename with --no-rename "
                                    + rename.table() + "." + rename.from().name());
                }
            }
        }
    }

    static Map<Class<? extends Change>, Rule> defaultRules() {
        Map<Class<? extends Change>, Rule> rules = new LinkedHashMap<>();
        rule(rules, Change.AddTable.class, TableRules::addTable);
        rule(rules, Change.DropTable.class, TableRules::dropTable);
        rule(rules, Change.RenameTable.class, TableRules::renameTable);
        rule(
                rules,
                Change.AlterTableComment.class,
                (change, context) -> single(change, EXPAND, "a comment does not affect code", List.of()));
        rule(rules, Change.AddColumn.class, ColumnRules::addColumn);
        rule(rules, Change.DropColumn.class, ColumnRules::dropColumn);
        rule(rules, Change.AlterColumn.class, AlterColumnRule::plan);
        rule(rules, Change.RenameColumn.class, ColumnRules::renameColumn);
        rule(rules, Change.AlterPrimaryKey.class, ConstraintRules::alterPrimaryKey);
        rule(rules, Change.AddIndex.class, ConstraintRules::addIndex);
        rule(
                rules,
                Change.DropIndex.class,
                (change, context) ->
                        ConstraintRules.drop(change, context, "old code's queries may still use the index"));
        rule(rules, Change.AddUnique.class, ConstraintRules::addUnique);
        rule(
                rules,
                Change.DropUnique.class,
                (change, context) -> ConstraintRules.drop(change, context, CONSTRAINT_DROP));
        rule(rules, Change.AddForeignKey.class, ConstraintRules::addForeignKey);
        rule(
                rules,
                Change.DropForeignKey.class,
                (change, context) -> ConstraintRules.drop(change, context, CONSTRAINT_DROP));
        rule(rules, Change.AddCheck.class, ConstraintRules::addCheck);
        rule(
                rules,
                Change.DropCheck.class,
                (change, context) -> ConstraintRules.drop(change, context, CONSTRAINT_DROP));
        rule(
                rules,
                Change.AddSequence.class,
                (change, context) -> single(change, EXPAND, "additive: old code does not use the sequence", List.of()));
        rule(rules, Change.DropSequence.class, TableRules::dropSequence);
        rule(rules, Change.AlterSequence.class, TableRules::alterSequence);
        return rules;
    }

    private static final String CONSTRAINT_DROP = "a constraint is removed once no code relies on it";

    private static <T extends Change> void rule(
            Map<Class<? extends Change>, Rule> rules, Class<T> type, BiFunction<T, PlanContext, PlannedChange> plan) {
        rules.put(type, (change, context) -> plan.apply(type.cast(change), context));
    }
}
