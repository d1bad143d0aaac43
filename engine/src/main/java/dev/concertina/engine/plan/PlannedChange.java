package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Change;
import dev.concertina.runtime.Branch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change and where the planner put it.
 *
 * @param change   the change
 * @param expand   its steps in the expand phase (empty when it has none there)
 * @param contract its steps in the contract phase
 * @param hazards  its hazards, each tied to the phase whose steps carry it
 * @param why      one sentence: why it sits where it does (for diff output and generated Javadoc)
 */
public record PlannedChange(Change change, List<Step> expand, List<Step> contract, List<Hazard> hazards, String why) {

    public PlannedChange {
        Objects.requireNonNull(change, "change");
        expand = List.copyOf(expand);
        contract = List.copyOf(contract);
        hazards = List.copyOf(hazards);
        Objects.requireNonNull(why, "why");
        if (expand.isEmpty() && contract.isEmpty()) {
            throw new IllegalArgumentException(change.describe() + ": planned into no phase");
        }
        for (Hazard h : hazards) {
            if ((h.phase() == Branch.EXPAND ? expand : contract).isEmpty()) {
                throw new IllegalArgumentException(
                        change.describe() + ": hazard " + h.code() + " in a phase without steps");
            }
        }
    }

    /** The phases that have steps of this change, in order. */
    public List<Branch> phases() {
        List<Branch> p = new ArrayList<>();
        if (!expand.isEmpty()) {
            p.add(Branch.EXPAND);
        }
        if (!contract.isEmpty()) {
            p.add(Branch.CONTRACT);
        }
        return p;
    }

    /** True when the change has steps in both phases. */
    public boolean split() {
        return !expand.isEmpty() && !contract.isEmpty();
    }

    public List<Step> steps(Branch phase) {
        return phase == Branch.EXPAND ? expand : contract;
    }

    public List<Hazard> hazards(Branch phase) {
        return hazards.stream().filter(h -> h.phase() == phase).toList();
    }
}
