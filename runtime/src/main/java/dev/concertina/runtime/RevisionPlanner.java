package dev.concertina.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which revisions a command runs, in which order and direction: the plan {@link Migrator} runs
 * under the lock, or shows without running it. Contract revisions bring the expand revisions they
 * require; expand revisions going down take the contract revisions that require them first.
 */
final class RevisionPlanner {

    private final MigrationGraph graph;

    RevisionPlanner(MigrationGraph graph) {
        this.graph = graph;
    }

    List<PlannedStep> syncSteps(VersionState s, SyncScope scope) {
        List<PlannedStep> steps = new ArrayList<>();
        if (scope == SyncScope.CONTRACT && !s.pending(Branch.EXPAND).isEmpty()) {
            List<ResolvedMigration> p = s.pending(Branch.EXPAND);
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    "contract refused: the expand branch is not at head (at "
                            + s.head(Branch.EXPAND).orElse("base") + ", code head "
                            + graph.head(Branch.EXPAND)
                                    .map(ResolvedMigration::id)
                                    .orElse("none")
                            + ", " + p.size() + " pending: " + ids(p)
                            + "); run `concertina sync --expand` first and roll out the new code");
        }
        if (scope != SyncScope.CONTRACT) {
            s.pending(Branch.EXPAND).forEach(m -> steps.add(new PlannedStep(m, Direction.UPGRADE)));
        }
        if (scope != SyncScope.EXPAND) {
            s.pending(Branch.CONTRACT).forEach(m -> steps.add(new PlannedStep(m, Direction.UPGRADE)));
        }
        return steps;
    }

    List<PlannedStep> upgradeSteps(VersionState s, Target t, String target) {
        List<PlannedStep> steps = new ArrayList<>();
        if (t instanceof Target.Base) {
            throw new ConcertinaException(ErrorCode.REFUSED, "cannot upgrade to base: use downgrade base");
        } else if (t instanceof Target.Head h) {
            if (h.branch().isEmpty() || h.branch().get() == Branch.EXPAND) {
                s.pending(Branch.EXPAND).forEach(m -> steps.add(new PlannedStep(m, Direction.UPGRADE)));
            }
            if (h.branch().isEmpty() || h.branch().get() == Branch.CONTRACT) {
                graph.head(Branch.CONTRACT).ifPresent(head -> steps.addAll(upgradeSteps(s, head, steps)));
            }
        } else if (t instanceof Target.Relative r) {
            if (r.steps() <= 0) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "upgrade " + target.trim() + ": a step count for upgrade is +N; use downgrade -N to go back");
            }
            List<PlannedStep> all = new ArrayList<>();
            s.pending(Branch.EXPAND).forEach(m -> all.add(new PlannedStep(m, Direction.UPGRADE)));
            s.pending(Branch.CONTRACT).forEach(m -> all.add(new PlannedStep(m, Direction.UPGRADE)));
            if (r.steps() > all.size()) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "upgrade " + target.trim() + ": only " + all.size() + " revision(s) are pending");
            }
            steps.addAll(all.subList(0, r.steps()));
        } else if (t instanceof Target.Revisions rs) {
            for (ResolvedMigration m : sortedExpandFirst(rs.revisions())) {
                int applied = s.position(m.branch());
                int wanted = graph.position(m);
                if (wanted < applied && rs.revisions().size() > 1) {
                    continue; // a milestone: this branch is already past its point
                }
                if (wanted < applied) {
                    throw new ConcertinaException(
                            ErrorCode.REFUSED,
                            "cannot upgrade to " + m.branch().label() + " revision " + m.describe()
                                    + ": the database is already past it (at "
                                    + s.head(m.branch()).orElse("base") + "); use downgrade to go back");
                }
                steps.addAll(upgradeSteps(s, m, steps));
            }
        }
        return steps;
    }

    List<PlannedStep> downgradeSteps(VersionState s, Target t, String target) {
        List<PlannedStep> steps = new ArrayList<>();
        if (t instanceof Target.Head) {
            throw new ConcertinaException(ErrorCode.REFUSED, "cannot downgrade to head: use upgrade head");
        } else if (t instanceof Target.Base b) {
            if (b.branch().isEmpty() || b.branch().get() == Branch.CONTRACT) {
                steps.addAll(downgradeSteps(s, Branch.CONTRACT, -1));
            }
            if (b.branch().isEmpty() || b.branch().get() == Branch.EXPAND) {
                steps.addAll(downgradeExpandSteps(s, -1, steps));
            }
        } else if (t instanceof Target.Relative r) {
            if (r.steps() >= 0) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "downgrade " + target.trim()
                                + ": a step count for downgrade is -N; use upgrade +N to go forward");
            }
            List<PlannedStep> all = new ArrayList<>(downgradeSteps(s, Branch.CONTRACT, -1));
            all.addAll(downgradeSteps(s, Branch.EXPAND, -1));
            int n = -r.steps();
            if (n > all.size()) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "downgrade " + target.trim() + ": only " + all.size() + " revision(s) are applied");
            }
            steps.addAll(all.subList(0, n));
        } else if (t instanceof Target.Revisions rs) {
            List<ResolvedMigration> targets = new ArrayList<>(sortedExpandFirst(rs.revisions()));
            Collections.reverse(targets);
            for (ResolvedMigration m : targets) {
                int applied = s.position(m.branch());
                int wanted = graph.position(m);
                if (wanted > applied && targets.size() > 1) {
                    continue; // a milestone: this branch has not reached its point yet
                }
                if (wanted > applied) {
                    throw new ConcertinaException(
                            ErrorCode.REFUSED,
                            "cannot downgrade to " + m.branch().label() + " revision " + m.describe()
                                    + ": it is not applied (the " + m.branch().label() + " branch is at "
                                    + s.head(m.branch()).orElse("base") + "); use upgrade");
                }
                if (m.branch() == Branch.CONTRACT) {
                    steps.addAll(downgradeSteps(s, Branch.CONTRACT, wanted));
                } else {
                    steps.addAll(downgradeExpandSteps(s, wanted, steps));
                }
            }
        }
        return steps;
    }

    private static List<ResolvedMigration> sortedExpandFirst(List<ResolvedMigration> ms) {
        return ms.stream()
                .sorted(Comparator.comparing(ResolvedMigration::branch))
                .toList();
    }

    /** Steps that bring {@code m}'s branch up to {@code m}, with the expand revisions contract ones require first. */
    private List<PlannedStep> upgradeSteps(VersionState s, ResolvedMigration m, List<PlannedStep> planned) {
        List<PlannedStep> steps = new ArrayList<>();
        List<ResolvedMigration> chain = graph.chain(m.branch());
        int from = s.position(m.branch()) + 1;
        int to = graph.position(m);
        if (m.branch() == Branch.CONTRACT) {
            int expandNeeded = s.position(Branch.EXPAND);
            for (PlannedStep p : planned) {
                if (p.revision().branch() == Branch.EXPAND) {
                    expandNeeded = Math.max(expandNeeded, graph.position(p.revision()));
                }
            }
            int applied = expandNeeded;
            for (int i = from; i <= to; i++) {
                Optional<String> req = chain.get(i).requires();
                if (req.isPresent()) {
                    expandNeeded = Math.max(
                            expandNeeded, graph.position(graph.get(req.get()).orElseThrow()));
                }
            }
            List<ResolvedMigration> expand = graph.chain(Branch.EXPAND);
            for (int i = applied + 1; i <= expandNeeded; i++) {
                steps.add(new PlannedStep(expand.get(i), Direction.UPGRADE));
            }
        }
        for (int i = from; i <= to; i++) {
            steps.add(new PlannedStep(chain.get(i), Direction.UPGRADE));
        }
        return steps;
    }

    /** Steps that take a branch down so that the revision at {@code keep} is its head (-1: base), newest first. */
    private List<PlannedStep> downgradeSteps(VersionState s, Branch branch, int keep) {
        List<PlannedStep> steps = new ArrayList<>();
        List<ResolvedMigration> chain = graph.chain(branch);
        for (int i = s.position(branch); i > keep; i--) {
            steps.add(new PlannedStep(chain.get(i), Direction.DOWNGRADE));
        }
        return steps;
    }

    /** Expand down to {@code keep}, preceded by the contract revisions that require what goes away. */
    private List<PlannedStep> downgradeExpandSteps(VersionState s, int keep, List<PlannedStep> planned) {
        List<ResolvedMigration> contract = graph.chain(Branch.CONTRACT);
        int contractAt = s.position(Branch.CONTRACT);
        for (PlannedStep p : planned) {
            if (p.revision().branch() == Branch.CONTRACT) {
                contractAt = Math.min(contractAt, graph.position(p.revision()) - 1);
            }
        }
        int contractKeep = contractAt;
        for (int i = 0; i <= contractAt; i++) {
            Optional<String> req = contract.get(i).requires();
            if (req.isPresent() && graph.position(graph.get(req.get()).orElseThrow()) > keep) {
                contractKeep = i - 1;
                break;
            }
        }
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = contractAt; i > contractKeep; i--) {
            steps.add(new PlannedStep(contract.get(i), Direction.DOWNGRADE));
        }
        steps.addAll(downgradeSteps(s, Branch.EXPAND, keep));
        return steps;
    }

    /** Refuses the whole plan before running any of it when a step has no inverse. */
    static void refuseOneWayDowngrades(List<PlannedStep> steps) {
        for (PlannedStep step : steps) {
            if (step.direction() == Direction.DOWNGRADE && !step.revision().canDowngrade()) {
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        "revision " + step.revision().describe()
                                + " cannot be downgraded (it has no downgrade); nothing was run");
            }
        }
    }

    private static String ids(List<ResolvedMigration> ms) {
        return ms.stream().map(ResolvedMigration::id).collect(Collectors.joining(", "));
    }
}
