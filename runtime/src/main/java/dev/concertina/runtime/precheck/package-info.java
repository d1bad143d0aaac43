/**
 * The pre-checks of generated migrations: before a step that tightens the schema (NOT NULL, a
 * unique key, a foreign key, a check, a narrower type, a conversion), {@link
 * dev.concertina.runtime.precheck.Precheck} counts the existing rows that would make it fail, and
 * fails the migration first, naming the rule and the number of rows, with nothing changed yet.
 */
package dev.concertina.runtime.precheck;
