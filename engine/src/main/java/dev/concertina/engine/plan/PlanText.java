package dev.concertina.engine.plan;

import dev.concertina.runtime.Branch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan as plain text for a terminal ({@code concertina diff}): grouped by phase, each change
 * with why it is there, its hazards and its steps; then open renames and warnings. Types read in
 * the database's own words ({@link ChangeWords}).
 */
public final class PlanText {

    private PlanText() {}

    public static String render(Plan plan) {
        return render(plan, RenderOptions.ALL);
    }

    public static String render(Plan plan, RenderOptions options) {
        StringBuilder s = new StringBuilder();
        if (plan.isEmpty() && plan.kept().isEmpty()) {
            s.append("No differences: the schema matches the model.\n");
        } else if (plan.isEmpty()) {
            s.append("Nothing to plan: the schema has everything the model asserts.\n");
        } else {
            s.append("Plan: ")
                    .append(plan.changes().size())
                    .append(plural(plan.changes().size(), " change"))
                    .append(" (")
                    .append(plan.changes(Branch.EXPAND).size())
                    .append(" in expand, ")
                    .append(plan.changes(Branch.CONTRACT).size())
                    .append(" in contract, ")
                    .append(plan.changes().stream().filter(PlannedChange::split).count())
                    .append(" split)\n");
            options.dialect()
                    .ifPresent(d ->
                            s.append("Hazards shown for ").append(d.label()).append(".\n"));
            for (Branch phase : options.shown()) {
                phase(
                        s,
                        plan,
                        phase,
                        phase == Branch.EXPAND ? "safe while old code still runs" : "run only once no old code is left",
                        options);
            }
        }
        if (!plan.kept().isEmpty()) {
            s.append("\nKEPT — in the database, not planned: ")
                    .append(plan.kept().size())
                    .append(plural(plan.kept().size(), " difference"))
                    .append(" the model is silent about or equivalent to (docs/planner.md)\n");
            plan.kept().forEach(k -> s.append("  = ").append(k.describe()).append('\n'));
        }
        if (!plan.possibleRenames().isEmpty()) {
            s.append("\nPOSSIBLE RENAMES: no migration is written until each is confirmed or denied\n");
            for (PossibleRename r : plan.possibleRenames()) {
                s.append("  ? ")
                        .append(
                                r.kind() == PossibleRename.Kind.COLUMN
                                        ? "\"" + r.table() + "\".\"" + r.from() + "\" -> \"" + r.to() + "\""
                                        : "table \"" + r.from() + "\" -> \"" + r.to() + "\"")
                        .append('\n')
                        .append("      confirm: --rename ")
                        .append(r.renameSpec())
                        .append("  |  rules file: ")
                        .append(r.rulesLine())
                        .append("  |  @RenamedFrom(\"")
                        .append(r.from())
                        .append("\")\n")
                        .append("      deny:    --no-rename ")
                        .append(r.noRenameSpec())
                        .append('\n');
            }
        }
        if (!plan.warnings().isEmpty()) {
            s.append("\nWARNINGS\n");
            plan.warnings().forEach(w -> s.append("  ! ").append(w).append('\n'));
        }
        return s.toString();
    }

    private static void phase(StringBuilder s, Plan plan, Branch phase, String meaning, RenderOptions options) {
        List<PlannedChange> changes = plan.changes(phase);
        s.append('\n')
                .append(phase.name())
                .append(" — ")
                .append(meaning)
                .append(": ")
                .append(changes.size())
                .append(plural(changes.size(), " change"))
                .append(", ")
                .append(plan.steps(phase).size())
                .append(plural(plan.steps(phase).size(), " step"))
                .append('\n');
        if (changes.isEmpty()) {
            s.append("  (nothing)\n");
        }
        int n = 1;
        for (PlannedChange p : changes) {
            s.append("  ").append(n++).append(". ").append(ChangeWords.describe(p.change()));
            if (p.split()) {
                s.append("  [split: ")
                        .append(phase == Branch.EXPAND ? "finished in contract" : "started in expand")
                        .append(']');
            }
            s.append('\n');
            s.append("     why: ").append(p.why()).append('\n');
            for (Hazard h : options.hazards(p, phase)) {
                s.append("     ! ").append(options.describe(h)).append('\n');
            }
            for (Step step : p.steps(phase)) {
                s.append("     - ").append(ChangeWords.describe(step)).append('\n');
            }
        }
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    /** Hazard codes of a phase, comma-separated, for summaries. */
    static String codes(List<Hazard> hazards) {
        return hazards.stream().map(h -> h.code().name()).distinct().collect(Collectors.joining(", "));
    }
}
