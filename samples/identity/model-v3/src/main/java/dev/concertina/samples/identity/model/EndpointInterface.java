package dev.concertina.samples.identity.model;

/** Which network an endpoint is reachable on. */
public enum EndpointInterface {
    PUBLIC,
    INTERNAL,
    ADMIN
}
