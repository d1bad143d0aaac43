package dev.concertina.runtime;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Migrator#repair(List)} did.
 *
 * @param attempt        the unfinished attempt it marked as repaired, if there was one
 * @param completedSteps the steps that attempt (and any earlier one it resumed) completed, in
 *                       order: they stay in the schema
 * @param accepted       the changed checksums it accepted
 */
public record RepairResult(
        Optional<FailedAttempt> attempt, List<String> completedSteps, List<ChecksumMismatch> accepted) {

    public RepairResult {
        completedSteps = List.copyOf(completedSteps);
        accepted = List.copyOf(accepted);
    }
}
