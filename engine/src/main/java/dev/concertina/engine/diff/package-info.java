/**
 * The differ: from two {@link dev.concertina.engine.model.Schema} values to an ordered list of typed
 * {@link dev.concertina.engine.diff.Change}s.
 *
 * <ul>
 *   <li>{@link dev.concertina.engine.diff.Differ#diff} — compare, after the
 *       {@link dev.concertina.engine.diff.IgnoreFilter} (the rules file through
 *       {@link dev.concertina.engine.diff.RulesFilter}) has removed the same objects from both sides;</li>
 *   <li>{@link dev.concertina.engine.diff.ChangeOrder} — the one dependency-safe order;</li>
 *   <li>{@link dev.concertina.engine.diff.Change#inverse()} — every change can be undone from its snapshot;</li>
 *   <li>{@link dev.concertina.engine.diff.ChangeApplier} — apply changes to a schema value (checks without a database).</li>
 * </ul>
 *
 * See docs/planner.md.
 */
package dev.concertina.engine.diff;
