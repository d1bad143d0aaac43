package dev.concertina.engine.diff;

import java.util.Objects;

/**
 * How to compare.
 *
 * @param ignore          rules applied to both sides before comparing
 * @param compareComments whether table and column comments are compared (off when one side
 *                        cannot know them, e.g. a reader that does not read comments)
 * @param preexisting     the current side's tables that predate Concertina: kept when no entity
 *                        maps them
 */
public record DiffOptions(IgnoreFilter ignore, boolean compareComments, PreexistingTables preexisting) {

    /** Compare everything, ignore nothing, every table Concertina's. */
    public static final DiffOptions DEFAULTS = new DiffOptions(IgnoreFilter.NONE, true, PreexistingTables.NONE);

    public DiffOptions {
        Objects.requireNonNull(ignore, "ignore");
        Objects.requireNonNull(preexisting, "preexisting");
    }

    public DiffOptions withIgnore(IgnoreFilter i) {
        return new DiffOptions(i, compareComments, preexisting);
    }

    public DiffOptions withCompareComments(boolean c) {
        return new DiffOptions(ignore, c, preexisting);
    }

    public DiffOptions withPreexisting(PreexistingTables p) {
        return new DiffOptions(ignore, compareComments, p);
    }
}
