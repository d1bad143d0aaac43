package dev.concertina.engine.diff;

import java.util.Objects;

/**
 * How to compare.
 *
 * @param ignore          rules applied to both sides before comparing
 * @param compareComments whether table and column comments are compared (off when one side
 *                        cannot know them, e.g. a reader that does not read comments)
 */
public record DiffOptions(IgnoreFilter ignore, boolean compareComments) {

    /** Compare everything, ignore nothing. */
    public static final DiffOptions DEFAULTS = new DiffOptions(IgnoreFilter.NONE, true);

    public DiffOptions {
        Objects.requireNonNull(ignore, "ignore");
    }

    public DiffOptions withIgnore(IgnoreFilter i) {
        return new DiffOptions(i, compareComments);
    }

    public DiffOptions withCompareComments(boolean c) {
        return new DiffOptions(ignore, c);
    }
}
