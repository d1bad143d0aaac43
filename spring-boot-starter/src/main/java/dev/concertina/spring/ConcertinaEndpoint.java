package dev.concertina.spring;

import dev.concertina.runtime.BranchStatus;
import dev.concertina.runtime.ChecksumMismatch;
import dev.concertina.runtime.FailedAttempt;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Status;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator endpoint {@code concertina}: each branch's applied revision and the code's head, what is
 * pending, and the {@code check} outcome with its exit code. Reads only; takes no lock.
 */
@Endpoint(id = "concertina")
public class ConcertinaEndpoint {

    private final MigrationDatabase database;
    private final MigrationSource source;

    ConcertinaEndpoint(MigrationDatabase database, MigrationSource source) {
        this.database = database;
        this.source = source;
    }

    @ReadOperation
    public Report report() {
        Status s = database.withMigrator(source, MigrationListener.NONE, m -> m.status());
        return new Report(
                s.underVersionControl(),
                s.checkResult().name().toLowerCase(java.util.Locale.ROOT),
                s.checkResult().exitCode(),
                branch(s.expand()),
                branch(s.contract()),
                s.unknownRevisions(),
                s.checksumMismatches().stream().map(ChecksumMismatch::describe).toList(),
                s.failedAttempt().map(FailedAttempt::describe).orElse(null));
    }

    private static BranchReport branch(BranchStatus b) {
        return new BranchReport(
                b.appliedHead().orElse(null),
                b.codeHead().orElse(null),
                b.atHead(),
                b.pending().stream().map(Revision::of).toList());
    }

    /**
     * The endpoint's answer.
     *
     * @param underVersionControl whether the version tables exist
     * @param check               {@code up_to_date}, {@code expand_pending}, {@code contract_pending} or
     *                            {@code unknown_revisions}
     * @param exitCode            the exit code {@code concertina check} gives for it
     * @param unknownRevisions    applied heads this code does not know (a newer release migrated)
     * @param checksumMismatches  applied revisions whose code changed since
     * @param failedAttempt       an attempt that needs repair, if any
     */
    public record Report(
            boolean underVersionControl,
            String check,
            int exitCode,
            BranchReport expand,
            BranchReport contract,
            List<String> unknownRevisions,
            List<String> checksumMismatches,
            String failedAttempt) {}

    /**
     * One branch.
     *
     * @param applied the revision the database is at; null at base
     * @param head    the code's last revision; null when the code has none in this branch
     * @param atHead  whether the database is at the code's head
     * @param pending revisions the code has that the database has not applied, in order
     */
    public record BranchReport(String applied, String head, boolean atHead, List<Revision> pending) {}

    /** A pending revision: its id and message. */
    public record Revision(String id, String message) {
        static Revision of(ResolvedMigration m) {
            return new Revision(m.id(), m.message());
        }
    }
}
