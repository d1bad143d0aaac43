package dev.concertina.engine.plan;

/**
 * Stable hazard codes. The names never change once released: scripts and reviewers key on them.
 * Documented with examples in {@code docs/hazards.md}.
 */
public enum HazardCode {
    /** Rows or values are removed and cannot be recovered by the downgrade (drop table, drop column, drop sequence). */
    DELETES_DATA("deletes data"),
    /** The database copies or rewrites every row; writes (and on some dialects reads) wait for it. */
    TABLE_REWRITE("rewrites the table"),
    /** A lock that blocks writes is held while every row is read (validation scan), without rewriting. */
    LONG_LOCK("takes a long lock"),
    /** Existing rows may violate the new rule (NOT NULL, UNIQUE, CHECK, FK, narrower type); the step then fails. */
    MAY_FAIL_ON_EXISTING_ROWS("may fail on existing rows"),
    /** Code of the previous release stops working against the result; run only after it is gone. */
    BREAKS_OLD_CODE("breaks old code"),
    /** An index is built over every existing row. */
    INDEX_BUILD("builds an index"),
    /** A write guard rejects INSERT/UPDATE/DELETE on the table between expand and contract; reads keep working. */
    WRITES_BLOCKED("blocks writes until contract"),
    /** A sync trigger's conversion can fail for some values; such writes are rejected with the database's error. */
    CONVERSION_MAY_FAIL("conversion may reject writes"),
    /** Every existing row is updated, in batches. */
    BACKFILL("updates every row"),
    /**
     * Every existing row is read to validate a constraint, under a lock that lets writes through
     * (PostgreSQL's VALIDATE CONSTRAINT, MariaDB's in-place rebuild); a short exclusive lock comes
     * before or after it, taken with a lock timeout and retries.
     */
    VALIDATES_ROWS("validates every row, writes go on"),

    /** Views or triggers depend on a table that is dropped or renamed away: the drop fails, or they break or go with it. */
    DEPENDENT_OBJECTS("views or triggers depend on it");

    private final String text;

    HazardCode(String text) {
        this.text = text;
    }

    /** Short human text: {@code deletes data}. */
    public String text() {
        return text;
    }
}
