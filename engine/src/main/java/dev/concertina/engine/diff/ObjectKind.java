package dev.concertina.engine.diff;

/** The kinds of schema objects an ignore rule can name (docs/ignore-rules.md). */
public enum ObjectKind {
    TABLE,
    COLUMN,
    INDEX,
    UNIQUE,
    FK,
    CHECK,
    SEQUENCE
}
