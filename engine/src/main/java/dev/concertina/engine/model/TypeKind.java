package dev.concertina.engine.model;

/**
 * Neutral type categories, following jOOQ's {@code SQLDataType} family so that codegen can emit a
 * {@code SQLDataType} constant for each. {@link #UNSUPPORTED} keeps the raw text instead of failing.
 */
public enum TypeKind {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INTEGER,
    BIGINT,
    /** Exact numeric with precision and scale (DECIMAL / NUMERIC). */
    DECIMAL,
    /** 4-byte float (REAL, FLOAT4, FLOAT(p ≤ 24)). */
    REAL,
    /** 8-byte float (DOUBLE PRECISION, FLOAT8, FLOAT(p > 24)). */
    DOUBLE,
    CHAR,
    VARCHAR,
    /** Character large object: TEXT, CLOB, LONGTEXT, … */
    CLOB,
    BINARY,
    VARBINARY,
    /** Binary large object: BLOB, BYTEA, LONGBLOB, … */
    BLOB,
    /**
     * A reference to a large object stored apart from the row: PostgreSQL's {@code oid}, which
     * Hibernate uses for {@code @Lob String} and {@code @Lob byte[]}. Not BLOB: {@code bytea} keeps
     * the bytes in the row, and mistaking one for the other hides drift.
     * {@link ColumnType#content()} says what the entity stores in it, where known.
     */
    LARGE_OBJECT,
    DATE,
    TIME,
    TIMESTAMP,
    TIME_WITH_TIME_ZONE,
    TIMESTAMP_WITH_TIME_ZONE,
    UUID,
    /** JSON stored as text ({@code json}; MariaDB's {@code json} is a checked {@code longtext}). */
    JSON,
    /** PostgreSQL's binary JSON ({@code jsonb}): not JSON — it keeps no key order, duplicates or spacing. */
    JSONB,
    /**
     * A PostgreSQL array; {@link ColumnType#content()} is the element's kind and the facets are the
     * element's ({@code varchar(30)[]}: length 30).
     */
    ARRAY,
    /**
     * An enumeration of string values ({@link ColumnType#enumValues()}): the native
     * {@code ENUM('A','B')} of MariaDB/MySQL and H2, and on PostgreSQL a {@code varchar} whose
     * values are limited by an unnamed {@code check (c in ('A','B'))} (Hibernate's mapping of
     * {@code @Enumerated(STRING)}), folded into this kind by the PostgreSQL normaliser.
     */
    ENUM,
    /** Anything else; {@link ColumnType#raw()} holds the database's text. */
    UNSUPPORTED
}
