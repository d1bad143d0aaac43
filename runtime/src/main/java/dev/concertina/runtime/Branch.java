package dev.concertina.runtime;

import java.util.Locale;

/**
 * The two lines of migrations. Expand revisions only add (old and new code both live with them);
 * contract revisions remove what the old code needed, once it is gone.
 */
public enum Branch {
    EXPAND,
    CONTRACT;

    /** Lower-case name as stored in the version table and shown to users: {@code expand}, {@code contract}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The branch of a stored or typed label. */
    public static Branch fromLabel(String label) {
        for (Branch b : values()) {
            if (b.label().equalsIgnoreCase(label.trim())) {
                return b;
            }
        }
        throw new ConcertinaException(
                ErrorCode.CONFIGURATION, "unknown branch '" + label + "': expected expand or contract");
    }
}
