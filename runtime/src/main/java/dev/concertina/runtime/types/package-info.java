/**
 * Column types whose spelling differs per database in a way jOOQ's {@code SQLDataType} cannot
 * express, for generated migrations: {@link dev.concertina.runtime.types.PortableTypes}. A
 * generated class runs on H2, PostgreSQL and MariaDB alike; these helpers build, on each, the
 * column Hibernate maps the same entity attribute to there.
 */
package dev.concertina.runtime.types;
