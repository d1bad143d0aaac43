package dev.concertina.engine.plan;

import java.util.Locale;

/** The two branches of a plan (DESIGN.md §4, §6). */
public enum Phase {
    /** Additive: old and new code can both run against the result. */
    EXPAND,
    /** Destructive or tightening: runs once no old code is left. */
    CONTRACT;

    /** {@code expand} / {@code contract}, as in machine output and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
