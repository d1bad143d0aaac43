/**
 * A schema as text ({@link dev.concertina.engine.render.SchemaText}) or JSON
 * ({@link dev.concertina.engine.render.SchemaJson}, shape in {@code docs/inspect-json.md}) for
 * {@code concertina inspect}. Pure functions; deterministic output.
 */
package dev.concertina.engine.render;
