package dev.concertina.spring;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Locale;

/** What {@code concertina.sync-on-startup} allows: nothing, or the expand branch. Never contract. */
public enum SyncOnStartup {
    /** Only the startup guard runs. */
    NONE,
    /** The expand branch is brought to head before the application starts. */
    EXPAND;

    /**
     * @throws ConcertinaException (CONFIGURATION) for any other value, saying why contract is not one
     */
    public static SyncOnStartup parse(String value) {
        String v = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "none", "false", "":
                return NONE;
            case "expand":
                return EXPAND;
            case "contract", "all", "true":
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "concertina.sync-on-startup=" + value
                                + " is not allowed: contract never runs at startup, the previous release may still be running;"
                                + " use expand, and run contract with `concertina sync --contract` once the old release is gone");
            default:
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "concertina.sync-on-startup=" + value + " is not a choice: use none or expand");
        }
    }
}
