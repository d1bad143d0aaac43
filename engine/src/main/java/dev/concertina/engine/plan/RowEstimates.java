package dev.concertina.engine.plan;

import dev.concertina.runtime.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the size of the table into the hazards of steps that copy it: a reviewer deciding when to
 * run a TABLE_REWRITE needs to know whether it copies a thousand rows or fifty million. The
 * estimates are the database's own ({@code information_schema.TABLES.TABLE_ROWS} on MariaDB/MySQL,
 * {@code pg_class.reltuples} on PostgreSQL), read by {@code LiveRowEstimates} when the plan is made.
 */
public final class RowEstimates {

    private RowEstimates() {}

    /**
     * {@code plan} with every TABLE_REWRITE hazard that applies to {@code dialect} naming the row
     * estimate of its change's table ({@code …; about 10,000,000 rows to copy}); tables without an
     * estimate are left as they are.
     */
    public static Plan annotate(Plan plan, Dialect dialect, Map<String, Long> rowsByTable) {
        if (rowsByTable.isEmpty()) {
            return plan;
        }
        List<PlannedChange> changes = new ArrayList<>();
        for (PlannedChange c : plan.changes()) {
            Long rows = rowsByTable.get(c.change().table());
            if (rows == null) {
                changes.add(c);
                continue;
            }
            List<Hazard> hazards = c.hazards().stream()
                    .map(h ->
                            h.code() == HazardCode.TABLE_REWRITE && h.dialects().contains(dialect)
                                    ? new Hazard(
                                            h.code(),
                                            h.phase(),
                                            h.detail() + (h.detail().isEmpty() ? "" : "; ") + describe(rows),
                                            h.dialects())
                                    : h)
                    .toList();
            changes.add(new PlannedChange(c.change(), c.expand(), c.contract(), hazards, c.why()));
        }
        return new Plan(
                changes,
                plan.expand(),
                plan.contract(),
                plan.possibleRenames(),
                plan.warnings(),
                plan.quotedNames(),
                plan.kept(),
                plan.spellings());
    }

    static String describe(long rows) {
        return String.format(Locale.ROOT, "about %,d rows to copy (the database's estimate)", rows);
    }
}
