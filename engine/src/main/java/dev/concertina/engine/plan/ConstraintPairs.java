package dev.concertina.engine.plan;

import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.runtime.Branch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds drop + add pairs of one index or constraint (same table and kind, same non-empty name or
 * same columns; for checks, an enum-style domain of the same column). A loosening pair (a unique
 * index made plain, an IN list that only gains values) goes to expand, every other pair to
 * contract, both halves together: the add may reuse the dropped name.
 */
final class ConstraintPairs {

    private ConstraintPairs() {}

    static void pair(List<Change> changes, PlanContext context) {
        Map<String, List<Change>> byTable = new LinkedHashMap<>();
        for (Change change : changes) {
            byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change);
        }
        for (List<Change> sameTable : byTable.values()) {
            pairWithin(sameTable, context);
        }
    }

    private static void pairWithin(List<Change> changes, PlanContext context) {
        for (Change dropped : changes) {
            for (Change added : changes) {
                if (context.paired.containsKey(added) || context.paired.containsKey(dropped)) {
                    continue;
                }
                Optional<Branch> branch = pairBranch(dropped, added);
                if (branch.isPresent()) {
                    context.paired.put(dropped, branch.get());
                    context.paired.put(added, branch.get());
                }
            }
        }
    }

    private static Optional<Branch> pairBranch(Change dropped, Change added) {
        boolean sameName = !dropped.name().isEmpty() && dropped.name().equals(added.name());
        if (dropped instanceof Change.DropIndex oldIndex && added instanceof Change.AddIndex newIndex) {
            boolean sameColumns =
                    oldIndex.index().columns().equals(newIndex.index().columns());
            if (sameName || sameColumns) {
                boolean loosens = oldIndex.index().unique() && !newIndex.index().unique() && sameColumns;
                return Optional.of(loosens ? EXPAND : CONTRACT);
            }
        } else if (dropped instanceof Change.DropUnique oldUnique && added instanceof Change.AddUnique newUnique) {
            if (sameName
                    || oldUnique.unique().columns().equals(newUnique.unique().columns())) {
                return Optional.of(CONTRACT);
            }
        } else if (dropped instanceof Change.DropForeignKey oldKey && added instanceof Change.AddForeignKey newKey) {
            if (sameName
                    || oldKey.foreignKey().columns().equals(newKey.foreignKey().columns())) {
                return Optional.of(CONTRACT);
            }
        } else if (dropped instanceof Change.DropCheck oldCheck && added instanceof Change.AddCheck newCheck) {
            Optional<CheckDomain> before = CheckDomain.parse(oldCheck.check().expression());
            Optional<CheckDomain> after = CheckDomain.parse(newCheck.check().expression());
            if (before.isPresent()
                    && after.isPresent()
                    && before.get().column().equalsIgnoreCase(after.get().column())
                    && before.get().isRange() == after.get().isRange()) {
                return Optional.of(after.get().containsAll(before.get()) ? EXPAND : CONTRACT);
            }
            if (sameName) {
                return Optional.of(CONTRACT);
            }
        }
        return Optional.empty();
    }
}
