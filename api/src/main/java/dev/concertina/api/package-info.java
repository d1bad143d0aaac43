/**
 * Concertina's Java API ({@link dev.concertina.api.Concertina}, configured through
 * {@link dev.concertina.api.Configuration}): read the database and the entities, apply rules and
 * hints, plan, write migrations, run the drift check and the migrations. The CLI, the JUnit
 * assertions and the build integrations are thin shells over it; nothing here prints
 * (docs/java-api.md).
 */
package dev.concertina.api;
