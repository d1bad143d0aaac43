package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Kept;
import dev.concertina.runtime.Branch;
import java.util.List;
import java.util.stream.Collectors;

/** The plan as GitHub-flavoured markdown, for a pull-request comment; types in the database's own words ({@link ChangeWords}). */
public final class PlanMarkdown {

    private PlanMarkdown() {}

    public static String render(Plan plan) {
        return render(plan, RenderOptions.ALL);
    }

    public static String render(Plan plan, RenderOptions options) {
        StringBuilder s = new StringBuilder("### Concertina schema plan\n\n");
        if (plan.isEmpty() && plan.possibleRenames().isEmpty()) {
            s.append(
                    plan.kept().isEmpty()
                            ? "No differences: the schema matches the model.\n"
                            : "Nothing to plan: the schema has everything the model asserts.\n");
            kept(s, plan);
            warnings(s, plan);
            return s.toString();
        }
        s.append("**")
                .append(plan.changes().size())
                .append(plan.changes().size() == 1 ? " change" : " changes")
                .append("** — ")
                .append(plan.changes(Branch.EXPAND).size())
                .append(" in expand, ")
                .append(plan.changes(Branch.CONTRACT).size())
                .append(" in contract");
        List<Hazard> all = options.shown().stream()
                .flatMap(ph -> plan.changes(ph).stream().flatMap(p -> options.hazards(p, ph).stream()))
                .toList();
        if (!all.isEmpty()) {
            s.append(" · hazards: ")
                    .append(all.stream()
                            .map(h -> "`" + h.code().name() + "`")
                            .distinct()
                            .collect(Collectors.joining(" ")));
        }
        s.append("\n\n");
        if (!plan.possibleRenames().isEmpty()) {
            s.append(
                    "> [!WARNING]\n> **Possible renames** — no migration is written until each is confirmed or denied:\n");
            for (PossibleRename r : plan.possibleRenames()) {
                s.append("> - ")
                        .append(cell(
                                r.kind() == PossibleRename.Kind.COLUMN
                                        ? "`" + r.table() + "." + r.from() + "` → `" + r.to() + "`"
                                        : "table `" + r.from() + "` → `" + r.to() + "`"))
                        .append(": confirm `--rename ")
                        .append(r.renameSpec())
                        .append("` (or `@RenamedFrom(\"")
                        .append(r.from())
                        .append("\")`), deny `--no-rename ")
                        .append(r.noRenameSpec())
                        .append("`\n");
            }
            s.append('\n');
        }
        options.dialect()
                .ifPresent(d -> s.append("Hazards shown for ").append(d.label()).append(".\n\n"));
        for (Branch phase : options.shown()) {
            List<PlannedChange> changes = plan.changes(phase);
            if (changes.isEmpty()) {
                continue;
            }
            s.append("#### ")
                    .append(
                            phase == Branch.EXPAND
                                    ? "Expand — safe while old code runs"
                                    : "Contract — after old code is gone")
                    .append("\n\n| change | hazards | why |\n|---|---|---|\n");
            for (PlannedChange p : changes) {
                String hz = options.hazards(p, phase).stream()
                        .map(h -> "`" + h.code().name() + "`"
                                + (h.everywhere() || options.dialect().isPresent()
                                        ? ""
                                        : " ("
                                                + h.dialects().stream()
                                                        .map(d -> d.label())
                                                        .sorted()
                                                        .collect(Collectors.joining(", "))
                                                + ")"))
                        .distinct()
                        .collect(Collectors.joining("<br>"));
                s.append("| `")
                        .append(cell(ChangeWords.describe(p.change())))
                        .append('`')
                        .append(p.split() ? " *(split)*" : "")
                        .append(" | ")
                        .append(hz.isEmpty() ? "—" : hz)
                        .append(" | ")
                        .append(cell(p.why()))
                        .append(" |\n");
            }
            s.append("\n<details><summary>").append(plan.steps(phase).size()).append(" steps</summary>\n\n```text\n");
            plan.steps(phase).forEach(st -> s.append(ChangeWords.describe(st)).append('\n'));
            s.append("```\n</details>\n\n");
        }
        kept(s, plan);
        warnings(s, plan);
        return s.toString();
    }

    /** What was not compared or cannot be held: shown with an empty plan too, never only with changes. */
    private static void warnings(StringBuilder s, Plan plan) {
        if (!plan.warnings().isEmpty()) {
            s.append("**Warnings**\n\n");
            plan.warnings().forEach(w -> s.append("- ").append(cell(w)).append('\n'));
        }
    }

    /** What is in the database and not planned, folded: reviewers open it when they want to. */
    private static void kept(StringBuilder s, Plan plan) {
        if (plan.kept().isEmpty()) {
            return;
        }
        s.append("\n<details><summary>Kept: ")
                .append(plan.kept().size())
                .append(plan.kept().size() == 1 ? " difference" : " differences")
                .append(
                        " the model is silent about or equivalent to</summary>\n\n| kept | table | what | why |\n|---|---|---|---|\n");
        for (Kept k : plan.kept()) {
            s.append("| ")
                    .append(k.kind().label())
                    .append(" | `")
                    .append(cell(k.table()))
                    .append("` | ")
                    .append(cell((k.name().isEmpty() ? "" : "`" + k.name() + "` ") + k.detail()))
                    .append(" | ")
                    .append(cell(k.reason()))
                    .append(" |\n");
        }
        s.append("\n</details>\n\n");
    }

    /** Text safe inside a table cell: pipes escaped, no line breaks. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
