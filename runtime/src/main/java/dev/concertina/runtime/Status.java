package dev.concertina.runtime;

import java.util.List;
import java.util.Optional;

/**
 * The database's version against the code's migrations.
 *
 * @param underVersionControl whether the version tables exist
 * @param expand              the expand branch
 * @param contract            the contract branch
 * @param unknownRevisions    applied heads the code does not know (the database is ahead of this code)
 * @param checksumMismatches  applied revisions whose code changed since
 * @param failedAttempt       a non-transactional attempt that needs {@link Migrator#repair()}
 */
public record Status(
        boolean underVersionControl,
        BranchStatus expand,
        BranchStatus contract,
        List<String> unknownRevisions,
        List<ChecksumMismatch> checksumMismatches,
        Optional<FailedAttempt> failedAttempt) {

    public Status {
        unknownRevisions = List.copyOf(unknownRevisions);
        checksumMismatches = List.copyOf(checksumMismatches);
    }

    public BranchStatus branch(Branch b) {
        return b == Branch.EXPAND ? expand : contract;
    }

    /** The {@code check} outcome these facts give. */
    public CheckResult checkResult() {
        if (!unknownRevisions.isEmpty()) {
            return CheckResult.UNKNOWN_REVISIONS;
        }
        if (!checksumMismatches.isEmpty()) {
            return CheckResult.CHANGED_REVISIONS;
        }
        if (!underVersionControl || !expand.pending().isEmpty()) {
            return CheckResult.EXPAND_PENDING;
        }
        if (!contract.pending().isEmpty()) {
            return CheckResult.CONTRACT_PENDING;
        }
        return CheckResult.UP_TO_DATE;
    }
}
