package dev.concertina.engine.plan;

import static dev.concertina.engine.plan.HazardCode.BREAKS_OLD_CODE;
import static dev.concertina.engine.plan.HazardCode.INDEX_BUILD;
import static dev.concertina.engine.plan.HazardCode.MAY_FAIL_ON_EXISTING_ROWS;
import static dev.concertina.engine.plan.HazardCode.TABLE_REWRITE;
import static dev.concertina.engine.plan.RuleSupport.MARIADB_AND_MYSQL;
import static dev.concertina.engine.plan.RuleSupport.merge;
import static dev.concertina.engine.plan.RuleSupport.placed;
import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.runtime.Branch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Planner rules for keys, indexes and constraints: additions go to expand after checking existing
 * rows, drops to contract; a drop + add pair of one object stays together ({@link ConstraintPairs}).
 */
final class ConstraintRules {

    private ConstraintRules() {}

    static PlannedChange alterPrimaryKey(Change.AlterPrimaryKey change, PlanContext context) {
        Branch branch = change.from().isEmpty() ? EXPAND : CONTRACT;
        List<Step> steps = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        if (change.to().isPresent()) {
            List<String> columns = change.to().get().columns();
            steps.add(new Step.CheckExistingRows(
                    change.table(),
                    new RowCondition.Unique(columns),
                    "\"" + change.table() + "\" has duplicate or NULL values in " + columns
                            + ": the primary key cannot be created"));
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, branch, "duplicate or NULL keys"));
            hazards.add(Hazard.of(INDEX_BUILD, branch, "primary key index " + columns));
            hazards.add(Hazard.on(TABLE_REWRITE, branch, "InnoDB rebuilds the clustered index", MARIADB_AND_MYSQL));
        }
        steps.add(new Step.Ddl(change));
        if (branch == CONTRACT) {
            hazards.add(Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code identifies rows by the old key"));
        }
        return new PlannedChange(
                change,
                branch == EXPAND ? steps : List.of(),
                branch == CONTRACT ? steps : List.of(),
                merge(hazards),
                branch == EXPAND
                        ? "a new primary key on a table that had none is additive"
                        : "old code identifies rows by the old primary key");
    }

    static PlannedChange addIndex(Change.AddIndex change, PlanContext context) {
        List<String> columns = change.index().columns();
        return addIndexed(
                change,
                context,
                columns,
                change.index().unique() ? Optional.of("the unique index cannot be built") : Optional.empty(),
                branch -> OnlineHazards.indexBuild(branch, "index on " + columns),
                "additive: an index does not change what code may write",
                "replaces an index dropped in contract under the same name or columns");
    }

    static PlannedChange addUnique(Change.AddUnique change, PlanContext context) {
        List<String> columns = change.unique().columns();
        return addIndexed(
                change,
                context,
                columns,
                Optional.of("the unique constraint cannot be added"),
                branch -> OnlineHazards.uniqueBuild(branch, "unique index on " + columns),
                "additive constraint (existing rows are checked first)",
                "replaces a constraint dropped in contract under the same name or columns");
    }

    /**
     * An index or unique constraint over {@code columns}: on an existing table it is built online
     * ({@code build}), and where it is unique the duplicates are counted first, failing with
     * {@code refusal}. Expand, unless it replaces an object dropped in contract.
     */
    private static PlannedChange addIndexed(
            Change change,
            PlanContext context,
            List<String> columns,
            Optional<String> refusal,
            Function<Branch, List<Hazard>> build,
            String expandWhy,
            String contractWhy) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        Branch branch = context.paired.getOrDefault(change, EXPAND);
        if (context.existing(change.table())) {
            if (refusal.isPresent()) {
                steps.add(new Step.CheckExistingRows(
                        change.table(),
                        new RowCondition.Unique(columns),
                        "\"" + change.table() + "\" has duplicates in " + columns + ": " + refusal.get()));
                hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, branch, "duplicates in " + columns));
            }
            hazards.addAll(build.apply(branch));
        }
        steps.add(new Step.Ddl(change));
        return placed(change, branch, steps, hazards, branch == EXPAND ? expandWhy : contractWhy);
    }

    static PlannedChange addForeignKey(Change.AddForeignKey change, PlanContext context) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        Branch branch = context.paired.getOrDefault(change, EXPAND);
        String referenced = change.foreignKey().referencedTable();
        if (context.existing(change.table())) {
            steps.add(new Step.CheckExistingRows(
                    change.table(),
                    new RowCondition.ReferencesExist(change.foreignKey()),
                    "\"" + change.table() + "\" has rows whose "
                            + change.foreignKey().columns() + " have no match in \"" + referenced + "\""));
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, branch, "rows without a match in \"" + referenced + "\""));
            hazards.addAll(OnlineHazards.foreignKey(branch));
        }
        steps.add(new Step.Ddl(change));
        return placed(
                change,
                branch,
                steps,
                hazards,
                branch == CONTRACT
                        ? "replaces a foreign key dropped in contract under the same name or columns"
                        : !context.existing(change.table())
                                ? "additive: the table is new, so no row can violate it"
                                : "additive constraint (existing rows are checked first)");
    }

    static PlannedChange addCheck(Change.AddCheck change, PlanContext context) {
        List<Step> steps = new ArrayList<>();
        List<Hazard> hazards = new ArrayList<>();
        Branch branch = context.paired.getOrDefault(change, EXPAND);
        String expression = change.check().expression();
        // A check that replaces a narrower one (an IN list that gains values) cannot fail on existing rows.
        boolean loosens = context.paired.get(change) == EXPAND;
        if (context.existing(change.table()) && loosens) {
            hazards.addAll(OnlineHazards.check(branch));
        } else if (context.existing(change.table())) {
            steps.add(new Step.CheckExistingRows(
                    change.table(),
                    new RowCondition.Satisfies(expression),
                    "\"" + change.table() + "\" has rows violating (" + expression + ")"));
            hazards.add(Hazard.of(MAY_FAIL_ON_EXISTING_ROWS, branch, "rows violating (" + expression + ")"));
            hazards.addAll(OnlineHazards.check(branch));
            if (branch == CONTRACT) {
                hazards.add(
                        Hazard.of(BREAKS_OLD_CODE, CONTRACT, "old code may write values the tighter check rejects"));
            }
        }
        steps.add(new Step.Ddl(change));
        return placed(
                change,
                branch,
                steps,
                hazards,
                loosens
                        ? "loosens a check (its enum values only grow), together with the check it replaces"
                        : branch == EXPAND
                                ? "additive constraint (existing rows are checked first)"
                                : "tightens a check: waits until old code, which may write the values it rejects, is gone");
    }

    /** Drops go to contract, except the drop half of a loosening pair (expand). */
    static PlannedChange drop(Change change, PlanContext context, String why) {
        Branch branch = context.paired.getOrDefault(change, CONTRACT);
        return placed(
                change,
                branch,
                List.of(new Step.Ddl(change)),
                List.of(),
                branch == CONTRACT ? why : "loosens a constraint, together with its replacement");
    }
}
