/**
 * A schema as text ({@link dev.concertina.engine.render.SchemaText}) or JSON
 * ({@link dev.concertina.engine.render.SchemaJson}, shape in {@code docs/inspect-json.md}) for
 * {@code concertina inspect}. Pure functions; deterministic output. {@link
 * dev.concertina.engine.render.JsonText} writes every JSON document Concertina prints, this one and
 * the plan's ({@code docs/diff-json.md}).
 */
package dev.concertina.engine.render;
