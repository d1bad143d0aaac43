package dev.concertina.runtime;

import java.util.List;
import java.util.Optional;

/**
 * One branch as the database and the code see it.
 *
 * @param branch      expand or contract
 * @param appliedHead the revision the database is at; empty at base
 * @param codeHead    the code's last revision; empty when the code has none in this branch
 * @param pending     revisions the code has that the database has not applied, in order
 */
public record BranchStatus(
        Branch branch, Optional<String> appliedHead, Optional<String> codeHead, List<ResolvedMigration> pending) {

    public BranchStatus {
        pending = List.copyOf(pending);
    }

    /** True when the database is at the code's head. */
    public boolean atHead() {
        return pending.isEmpty() && appliedHead.equals(codeHead);
    }
}
