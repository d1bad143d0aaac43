package dev.concertina.engine.diff;

import java.util.List;
import java.util.Set;

/**
 * What the differ asks of the ignore rules (docs/ignore-rules.md). The rules file parser and matcher live
 * in the {@code ignore-rules} module ({@code dev.concertina.rules.IgnoreRules}); the CLI adapts it
 * to this interface, so the differ does not depend on the file format. Applied to <em>both</em>
 * schemas before comparing: an ignored object is neither added nor dropped.
 */
public interface IgnoreFilter {

    /** Ignores nothing. */
    IgnoreFilter NONE = new IgnoreFilter() {
        @Override
        public boolean ignores(ObjectKind kind, String table, String name, List<String> columns) {
            return false;
        }

        @Override
        public Set<ColumnAspect> ignoredAspects(String table, String column) {
            return Set.of();
        }
    };

    /**
     * True when the whole object is ignored.
     *
     * @param kind    what the object is
     * @param table   its table (for a table or a sequence: its own name)
     * @param name    its name: the column, index or constraint name; empty for a system-named
     *                constraint; for a table or a sequence, its own name
     * @param columns the columns it covers (indexes and constraints); empty for tables, columns, sequences
     */
    boolean ignores(ObjectKind kind, String table, String name, List<String> columns);

    /** The aspects of a column not to compare (a subset of TYPE, NULLABLE, DEFAULT, COMMENT). */
    Set<ColumnAspect> ignoredAspects(String table, String column);

    /**
     * True when a {@code [policy]} line makes the entities decide for this kind of difference, so
     * what the database has and the entities do not write is planned away instead of kept.
     * By default everything is kept (docs/ignore-rules.md, "Policies").
     */
    default boolean followsEntities(Kept.Kind kind) {
        return false;
    }
}
