package dev.concertina.engine.diff;

/** The kinds of schema objects an ignore rule can name (DESIGN.md §7). */
public enum ObjectKind {
    TABLE,
    COLUMN,
    INDEX,
    UNIQUE,
    FK,
    CHECK,
    SEQUENCE
}
