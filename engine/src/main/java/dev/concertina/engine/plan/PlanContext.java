package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Change;
import dev.concertina.runtime.Branch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a planner rule may consult besides its change, and where it reports warnings. */
final class PlanContext {
    final PlanHints hints;
    /** Tables created by this plan: building indexes or checking rows on them costs nothing. */
    final Set<String> newTables = new HashSet<>();
    /** Drop + add pairs of one index or constraint, kept together in one branch ({@link ConstraintPairs}). */
    final Map<Change, Branch> paired = new IdentityHashMap<>();

    final List<String> warnings = new ArrayList<>();

    PlanContext(PlanHints hints) {
        this.hints = hints;
    }

    /** True when {@code table} already holds rows the plan must respect (it is not created by this plan). */
    boolean existing(String table) {
        return !newTables.contains(table);
    }
}
