package dev.concertina.runtime;

/**
 * Why Concertina stopped. Each code maps to a process exit code in the CLI; {@code check}'s own
 * outcomes (0, 2, 4, 5, 6) are results, not errors, and are not listed here.
 */
public enum ErrorCode {
    /** Bad configuration: missing URL, malformed properties file, unknown option value. */
    CONFIGURATION,
    /** The database could not be reached or refused the credentials. */
    CONNECTION,
    /** The JDBC URL or dialect name is not one Concertina supports. */
    UNSUPPORTED_DATABASE,
    /** The migration graph is invalid: two roots, a cycle, a missing parent, two heads, … */
    INVALID_GRAPH,
    /** A revision argument matched no revision, or more than one. */
    UNKNOWN_REVISION,
    /** A migration failed while running. */
    MIGRATION_FAILED,
    /** The version history says an earlier run failed half-way; repair is needed first. */
    NEEDS_REPAIR,
    /** An applied migration's checksum no longer matches its code. */
    CHECKSUM_MISMATCH,
    /** The request is not allowed in the current state (contract before expand, downgrade without --yes, …). */
    REFUSED,
    /** The migration lock could not be taken in time. */
    LOCK_TIMEOUT,
    /** The schema is not at the version the application needs (startup guard). */
    OUTDATED_SCHEMA,
    /** An ignore-rules or hints file is malformed. */
    RULES,
    /** An entity could not be mapped to the schema model. */
    MODEL,
    /** The planner met a change it cannot place. */
    PLAN,
    /** Reading the live schema failed. */
    INTROSPECTION,
    /** Writing generated code failed. */
    CODEGEN,
    /** Anything else; a bug if it is ever seen. */
    INTERNAL
}
