package dev.concertina.runtime;

import java.util.Locale;

/** How a recorded attempt ended. */
public enum Outcome {
    /** Recorded before a non-transactional migration ran; still there means it never finished (crash). */
    STARTED,
    /** Ran and was recorded in the same transaction as the version change. */
    SUCCEEDED,
    /** A non-transactional migration failed half-way: the schema may be partly changed. Needs repair. */
    FAILED,
    /** A transactional migration failed and was rolled back: nothing changed. */
    ROLLED_BACK,
    /** A STARTED or FAILED attempt an operator marked as dealt with ({@code concertina repair}). */
    REPAIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this attempt blocks further runs until repaired. */
    public boolean needsRepair() {
        return this == STARTED || this == FAILED;
    }
}
