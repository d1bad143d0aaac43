package dev.concertina.runtime;

/**
 * The outcome of {@link Migrator#check()}, with Keystone's {@code db_sync --check} exit codes so
 * deployment scripts written for it carry over.
 */
public enum CheckResult {
    /** Both branches at the code's heads. */
    UP_TO_DATE(0),
    /** Expand revisions are pending, or the database is not under version control. */
    EXPAND_PENDING(2),
    /** Expand is at head; contract revisions are pending. */
    CONTRACT_PENDING(4),
    /** The database carries revisions this code does not know. */
    UNKNOWN_REVISIONS(5),
    /**
     * An applied revision's code changed since it ran ({@link Status#checksumMismatches()}): restore
     * it, or accept the new checksum with {@code repair --accept-checksums REV}. Ranks after
     * {@link #UNKNOWN_REVISIONS} and before the pending states.
     */
    CHANGED_REVISIONS(7);

    private final int exitCode;

    CheckResult(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
