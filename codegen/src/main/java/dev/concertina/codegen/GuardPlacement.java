package dev.concertina.codegen;

import dev.concertina.engine.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A write guard is never in place while a step of the migration writes the rows it guards (the
 * guard would reject the step's own UPDATE or INSERT), so its drop moves before the first such
 * step of its table and its install after the last.
 */
final class GuardPlacement {

    private GuardPlacement() {}

    /**
     * Steps that write rows themselves (a backfill's UPDATE, a conversion's UPDATE, a row copy's
     * INSERT) would be rejected by a write guard on their table: the guard is installed just after
     * the last such step of its table, and dropped just before the first one.
     */
    static List<Step> aroundRowWrites(List<Step> steps) {
        List<Step> out = new ArrayList<>(steps);
        for (Step s : steps) {
            Optional<String> written = writes(s);
            if (written.isEmpty()) {
                continue;
            }
            String table = written.get();
            Step drop = out.stream()
                    .filter(g -> g instanceof Step.DropGuard d && d.table().equals(table))
                    .findFirst()
                    .orElse(null);
            if (drop != null) {
                out.remove(drop);
                int first = indexOfFirstWrite(out, table);
                out.add(Math.min(first, out.size()), drop);
            }
            Step install = out.stream()
                    .filter(g -> g instanceof Step.InstallGuard d && d.table().equals(table))
                    .findFirst()
                    .orElse(null);
            if (install != null) {
                int at = out.indexOf(install);
                int last = indexOfLastWrite(out, table);
                if (at < last) {
                    out.remove(install);
                    out.add(last, install);
                }
            }
        }
        return out;
    }

    private static Optional<String> writes(Step s) {
        if (s instanceof Step.BackfillColumn b) {
            return Optional.of(b.table());
        }
        if (s instanceof Step.ConvertColumn c) {
            return Optional.of(c.table());
        }
        if (s instanceof Step.CopyRows c) {
            return Optional.of(c.newTable());
        }
        return Optional.empty();
    }

    private static int indexOfFirstWrite(List<Step> steps, String table) {
        for (int i = 0; i < steps.size(); i++) {
            if (writes(steps.get(i)).map(table::equals).orElse(false)) {
                return i;
            }
        }
        return steps.size();
    }

    private static int indexOfLastWrite(List<Step> steps, String table) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (writes(steps.get(i)).map(table::equals).orElse(false)) {
                return i;
            }
        }
        return -1;
    }
}
