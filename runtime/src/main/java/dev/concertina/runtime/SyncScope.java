package dev.concertina.runtime;

/** Which branches {@link Migrator#sync} brings to head. */
public enum SyncScope {
    /** Expand to head, then contract to head (an offline upgrade). */
    ALL,
    /** Expand only (first step of a rolling upgrade). */
    EXPAND,
    /** Contract only; refused unless expand is at head. */
    CONTRACT
}
