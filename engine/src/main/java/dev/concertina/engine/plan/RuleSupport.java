package dev.concertina.engine.plan;

import static dev.concertina.runtime.Branch.CONTRACT;
import static dev.concertina.runtime.Branch.EXPAND;

import dev.concertina.engine.diff.Change;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building blocks the planner's rule families share: placing steps in a branch, hazards, guard messages. */
final class RuleSupport {

    /** The dialects whose ALTERs copy the table (InnoDB's ALGORITHM=COPY). */
    static final Dialect[] MARIADB_AND_MYSQL = {Dialect.MARIADB, Dialect.MYSQL};

    private RuleSupport() {}

    /** The change as one DDL step in {@code branch}. */
    static PlannedChange single(Change change, Branch branch, String why, List<Hazard> hazards) {
        return placed(change, branch, List.of(new Step.Ddl(change)), hazards, why);
    }

    /** {@code steps} all in {@code branch}. */
    static PlannedChange placed(Change change, Branch branch, List<Step> steps, List<Hazard> hazards, String why) {
        return new PlannedChange(
                change,
                branch == EXPAND ? steps : List.of(),
                branch == CONTRACT ? steps : List.of(),
                merge(hazards),
                why);
    }

    /**
     * The message of a write guard on {@code table}: it says the table is read-only and what ends
     * it, followed by the first of {@code details} (most telling first) that still fits in
     * {@link Step.InstallGuard#MAX_MESSAGE} characters, or none.
     *
     * @throws ConcertinaException (PLAN) when even the table name alone does not fit
     */
    static String guardMessage(String table, String... details) {
        String head = "table \"" + table + "\" is read-only until the contract migration runs";
        for (String detail : details) {
            String message = head + ": " + detail;
            if (message.length() <= Step.InstallGuard.MAX_MESSAGE) {
                return message;
            }
        }
        if (head.length() > Step.InstallGuard.MAX_MESSAGE) {
            throw new ConcertinaException(
                    ErrorCode.PLAN,
                    "write guard on \"" + table
                            + "\": the table name is too long for a guard message of " + Step.InstallGuard.MAX_MESSAGE
                            + " characters (MariaDB's SIGNAL limit); shorten the name, or give a two-way conversion hint"
                            + " so no guard is needed");
        }
        return head;
    }

    /** One hazard per code, branch and dialect set, details joined, in first-seen order. */
    static List<Hazard> merge(List<Hazard> hazards) {
        Map<List<Object>, Hazard> byKey = new LinkedHashMap<>();
        for (Hazard hazard : hazards) {
            List<Object> key = List.of(hazard.code(), hazard.phase(), hazard.dialects());
            Hazard prior = byKey.get(key);
            if (prior == null) {
                byKey.put(key, hazard);
            } else if (!prior.detail().contains(hazard.detail())) {
                byKey.put(
                        key,
                        new Hazard(
                                hazard.code(),
                                hazard.phase(),
                                prior.detail() + "; " + hazard.detail(),
                                hazard.dialects()));
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
