package dev.concertina.samples.identity.model;

/** How a login attempt ended. */
public enum LoginOutcome {
    SUCCESS,
    BAD_PASSWORD,
    LOCKED_OUT,
    DISABLED
}
