/**
 * The schema commands ({@code inspect}, {@code diff}, {@code revision}, drift in {@code check}):
 * options and printing over the Java API ({@link dev.concertina.api.Concertina}), which holds the
 * comparison, the plan, the writing and the drift check.
 */
package dev.concertina.cli.schema;
