/**
 * The expand/contract planner: every {@link dev.concertina.engine.diff.Change} goes to the expand
 * phase, the contract phase, or is split across both ({@link dev.concertina.engine.plan.Planner#plan}),
 * as {@link dev.concertina.engine.plan.Step}s with {@link dev.concertina.engine.plan.Hazard}s.
 * Rename and conversion hints arrive as {@link dev.concertina.engine.plan.PlanHints}; unconfirmed
 * look-alike renames as {@link dev.concertina.engine.plan.PossibleRename}s.
 * {@link dev.concertina.engine.plan.PlanText}, {@link dev.concertina.engine.plan.PlanJson} and
 * {@link dev.concertina.engine.plan.PlanMarkdown} render a plan for {@code concertina diff}.
 *
 * See docs/planner.md, docs/hazards.md and docs/diff-json.md.
 */
package dev.concertina.engine.plan;
