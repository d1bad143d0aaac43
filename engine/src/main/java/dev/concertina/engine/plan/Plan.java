package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Kept;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The result of planning: every change with its place, the steps of each phase in run order,
 * renames that still need a decision, and warnings.
 *
 * @param changes         the planned changes, in {@link dev.concertina.engine.diff.ChangeOrder}
 * @param expand          every expand step, in run order
 * @param contract        every contract step, in run order
 * @param possibleRenames drop + add pairs nobody confirmed or denied; while any is left the plan
 *                        must not be turned into migrations ({@link #requireDecided()})
 * @param warnings        one line each, each line once: hints that matched nothing, NOT NULL columns with no way to fill them, …
 * @param quotedNames     the names the entities quote ({@link dev.concertina.engine.model.Schema#quotedNames()}
 *                        of the desired schema): codegen writes them exactly, not folded per database
 * @param kept            differences not planned: what the database has and the entities do not write,
 *                        and equivalents ({@link Kept}); they never make the plan non-empty
 * @param spellings       unquoted names as the entities write them, by stored name
 *                        ({@link dev.concertina.engine.model.Schema#spellings()}): codegen writes that
 *                        spelling, folded per database when the migration runs
 */
public record Plan(
        List<PlannedChange> changes,
        List<Step> expand,
        List<Step> contract,
        List<PossibleRename> possibleRenames,
        List<String> warnings,
        Set<String> quotedNames,
        List<Kept> kept,
        Map<String, String> spellings) {

    public Plan {
        changes = List.copyOf(changes);
        expand = List.copyOf(expand);
        contract = List.copyOf(contract);
        possibleRenames = List.copyOf(possibleRenames);
        // One line per distinct warning: the same stale hint reached by two ways is one thing to fix.
        warnings = List.copyOf(new LinkedHashSet<>(warnings));
        quotedNames = Collections.unmodifiableSortedSet(new TreeSet<>(quotedNames));
        kept = List.copyOf(kept);
        spellings = Collections.unmodifiableSortedMap(new TreeMap<>(spellings));
    }

    /** A plan with nothing kept, whose unquoted names are spelled as stored. */
    public Plan(
            List<PlannedChange> changes,
            List<Step> expand,
            List<Step> contract,
            List<PossibleRename> possibleRenames,
            List<String> warnings,
            Set<String> quotedNames) {
        this(changes, expand, contract, possibleRenames, warnings, quotedNames, List.of(), Map.of());
    }

    /** A plan whose names are all unquoted. */
    public Plan(
            List<PlannedChange> changes,
            List<Step> expand,
            List<Step> contract,
            List<PossibleRename> possibleRenames,
            List<String> warnings) {
        this(changes, expand, contract, possibleRenames, warnings, Set.of());
    }

    /** This plan, with the names the entities quote (usually {@code desired.quotedNames()}). */
    public Plan withQuotedNames(Set<String> names) {
        return new Plan(changes, expand, contract, possibleRenames, warnings, names, kept, spellings);
    }

    /** This plan with {@code more} warnings after its own (the live schema's "not compared: …" notes). */
    public Plan withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Plan(changes, expand, contract, possibleRenames, all, quotedNames, kept, spellings);
    }

    /** This plan, listing {@code differences} as kept (usually {@link dev.concertina.engine.diff.SchemaDiff#kept()}). */
    public Plan withKept(List<Kept> differences) {
        return new Plan(changes, expand, contract, possibleRenames, warnings, quotedNames, differences, spellings);
    }

    /** This plan, with the entities' spelling of unquoted names (usually {@code desired.spellings()}). */
    public Plan withSpellings(Map<String, String> s) {
        return new Plan(changes, expand, contract, possibleRenames, warnings, quotedNames, kept, s);
    }

    /** A plan of the given changes; the phase step lists are their steps concatenated in order. */
    public static Plan of(List<PlannedChange> changes, List<PossibleRename> possibleRenames, List<String> warnings) {
        List<Step> e = new ArrayList<>();
        List<Step> c = new ArrayList<>();
        changes.forEach(p -> {
            e.addAll(p.expand());
            c.addAll(p.contract());
        });
        return new Plan(changes, e, c, possibleRenames, warnings);
    }

    /** Nothing to do (kept differences are not something to do). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Step> steps(Branch phase) {
        return phase == Branch.EXPAND ? expand : contract;
    }

    /** The changes with steps in {@code phase}. */
    public List<PlannedChange> changes(Branch phase) {
        return changes.stream().filter(p -> !p.steps(phase).isEmpty()).toList();
    }

    /** All hazards of a phase. */
    public List<Hazard> hazards(Branch phase) {
        return changes.stream().flatMap(p -> p.hazards(phase).stream()).toList();
    }

    /**
     * The downgrade of a phase: what undoes each step ({@link Step#undo()}), last step first; steps
     * with nothing to undo (pre-checks, backfills, row copies) are left out.
     */
    public List<Step> downgrade(Branch phase) {
        List<Step> out = new ArrayList<>();
        List<Step> steps = new ArrayList<>(steps(phase));
        Collections.reverse(steps);
        steps.forEach(s -> out.addAll(s.undo()));
        return out;
    }

    /** Fails, saying exactly how to decide, when a possible rename is still open. */
    public Plan requireDecided() {
        if (!possibleRenames.isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.PLAN,
                    possibleRenames.stream().map(PossibleRename::message).collect(Collectors.joining(" | ")));
        }
        return this;
    }

    /** The planned change for a change, if it is in this plan. */
    public Optional<PlannedChange> find(dev.concertina.engine.diff.Change change) {
        return changes.stream().filter(p -> p.change().equals(change)).findFirst();
    }
}
