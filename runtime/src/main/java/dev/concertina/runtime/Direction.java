package dev.concertina.runtime;

import java.util.Locale;

/** What a history entry records. */
public enum Direction {
    /** The revision's {@code upgrade} ran. */
    UPGRADE,
    /** The revision's {@code downgrade} ran. */
    DOWNGRADE,
    /** The version was set to this revision without running anything ({@code goto}). */
    GOTO,
    /** The code's changed checksum of this applied revision was accepted ({@code repair --accept-checksums}). */
    ACCEPT_CHECKSUM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
