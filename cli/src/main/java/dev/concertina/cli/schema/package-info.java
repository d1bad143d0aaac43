/**
 * The schema commands ({@code inspect}, {@code diff}, {@code revision}, drift in {@code check}) and
 * the library pieces they share with the {@code test-support} module: {@link
 * dev.concertina.cli.schema.SchemaComparison} (live or scratch schema vs models → changes and
 * plan, with rules and hints) and {@link dev.concertina.cli.schema.Drift} (the schema the
 * migrations build in a scratch database vs the models). Only the command classes print.
 */
package dev.concertina.cli.schema;
