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
    /** Binary large object: BLOB, BYTEA, LONGBLOB, OID (PostgreSQL large object), … */
    BLOB,
    DATE,
    TIME,
    TIMESTAMP,
    TIME_WITH_TIME_ZONE,
    TIMESTAMP_WITH_TIME_ZONE,
    UUID,
    JSON,
    /** A native enumeration type (MariaDB/MySQL and H2 {@code ENUM('A','B')}); values in {@link ColumnType#enumValues()}. */
    ENUM,
    /** Anything else; {@link ColumnType#raw()} holds the database's text. */
    UNSUPPORTED
}
