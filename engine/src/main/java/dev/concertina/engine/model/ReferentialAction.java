package dev.concertina.engine.model;

/**
 * ON DELETE / ON UPDATE behaviour. Readers map the database's default to {@link #NO_ACTION}
 * (MariaDB reports its default as RESTRICT, which behaves the same for InnoDB).
 */
public enum ReferentialAction {
    NO_ACTION,
    RESTRICT,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
}
