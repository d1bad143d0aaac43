package dev.concertina.api;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.DiffOptions;
import dev.concertina.engine.diff.Differ;
import dev.concertina.engine.diff.PreexistingTables;
import dev.concertina.engine.diff.RulesFilter;
import dev.concertina.engine.diff.SchemaDiff;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.plan.Plan;
import dev.concertina.engine.plan.PlanHints;
import dev.concertina.engine.plan.Planner;
import dev.concertina.entities.EntityModel;
import dev.concertina.rules.Hints;
import dev.concertina.rules.IgnoreRules;
import dev.concertina.rules.Rule;
import dev.concertina.rules.RulesException;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * One comparison of a database schema with the models: the rules file applied to both sides, the
 * hints of the rules file, of {@code @RenamedFrom} and of the command line merged (in that order;
 * a conflict is an error naming both places), then differ and planner.
 *
 * @param changes    what turns the database schema into the models' schema, in run order
 * @param plan       the changes placed in expand and contract ({@link Plan#possibleRenames()} may be open)
 * @param staleRules rules of the rules file that matched nothing on either side
 */
public record SchemaComparison(List<Change> changes, Plan plan, List<Rule> staleRules) {

    public SchemaComparison {
        changes = List.copyOf(changes);
        Objects.requireNonNull(plan, "plan");
        staleRules = List.copyOf(staleRules);
    }

    /**
     * Compares {@code current} (read from a database) with {@code desired}.
     *
     * @param rules    the rules file ({@link IgnoreRules#none()} when there is none)
     * @param cliHints the {@code --rename} / {@code --no-rename} hints
     * @throws ConcertinaException (RULES) when hints conflict
     */
    public static SchemaComparison compare(Schema current, EntityModel desired, IgnoreRules rules, Hints cliHints) {
        return compare(current, desired, rules, cliHints, PreexistingTables.NONE);
    }

    /**
     * {@link #compare(Schema, EntityModel, IgnoreRules, Hints)}, keeping the tables of
     * {@code preexisting} that no entity maps (docs/planner.md, "Tables no entity maps").
     */
    public static SchemaComparison compare(
            Schema current, EntityModel desired, IgnoreRules rules, Hints cliHints, PreexistingTables preexisting) {
        IgnoreRules used;
        try {
            used = rules.withHints(Hints.merge(desired.renames(), cliHints));
        } catch (RulesException e) {
            throw rulesError(e);
        }
        SchemaDiff diff = Differ.compare(
                current,
                desired.schema(),
                DiffOptions.DEFAULTS.withIgnore(RulesFilter.of(used)).withPreexisting(preexisting));
        List<Change> changes = diff.changes();
        // The names the entities quote are written exactly by codegen, not folded per database.
        Plan plan = Planner.plan(diff, PlanHints.from(used.hints()))
                .withQuotedNames(desired.schema().quotedNames())
                .withSpellings(desired.schema().spellings())
                // What the database has and the model cannot hold is named, never dropped silently.
                .withWarnings(current.notes())
                // What the entities state and the target database cannot hold (an H2 column collation).
                .withWarnings(desired.schema().notes());
        return new SchemaComparison(changes, plan, used.unused());
    }

    /** This comparison with the row estimates of the database in the hazards of steps that copy a table. */
    public SchemaComparison withRowEstimates(dev.concertina.runtime.Dialect dialect, java.util.Map<String, Long> rows) {
        return new SchemaComparison(
                changes, dev.concertina.engine.plan.RowEstimates.annotate(plan, dialect, rows), staleRules);
    }

    /** Nothing to do. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per stale rule: {@code concertina.ignore:3: stale rule: '…' matches nothing …}. */
    public List<String> staleRuleWarnings() {
        return staleRules.stream().map(SchemaComparison::staleMessage).toList();
    }

    static String staleMessage(Rule r) {
        return r.location() + ": stale rule: '" + TerminalText.value(r.text())
                + "' matches nothing in the database or the models (remove it, or fix its pattern)";
    }

    static ConcertinaException rulesError(RulesException e) {
        return new ConcertinaException(ErrorCode.RULES, e.getMessage());
    }
}
