package dev.concertina.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a rule names: one object by name, a member of a table by name, or a member by its column list. */
public sealed interface Target permits Target.Single, Target.Member, Target.Columns {

    /**
     * Whether the target names this object: a {@link Single} looks at {@code name} only, a
     * {@link Member} at {@code table} and {@code name}, {@link Columns} at {@code table} and
     * {@code columns}.
     */
    boolean matches(String table, String name, List<String> columns);

    /**
     * A table or a sequence: {@code audit_*}.
     */
    record Single(Glob name) implements Target {
        public Single {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(String table, String name, List<String> columns) {
            return this.name.matches(name);
        }

        @Override
        public String toString() {
            return name.toString();
        }
    }

    /**
     * A column, index or constraint by its own name: {@code person.legacy_*}, {@code *.ix_tmp_*}.
     */
    record Member(Glob table, Glob name) implements Target {
        public Member {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(String table, String name, List<String> columns) {
            return this.table.matches(table) && this.name.matches(name);
        }

        @Override
        public String toString() {
            return table + "." + name;
        }
    }

    /**
     * An index or constraint by the columns it covers, because their names differ across dialects:
     * {@code person(email, tenant_id)}. The list must have as many entries as the object has
     * columns. For an index the order counts ({@code (a, b)} and {@code (b, a)} are different
     * indexes); for a unique, foreign key or check constraint it does not ({@code ordered} false).
     */
    record Columns(Glob table, List<Glob> columns, boolean ordered) implements Target {
        public Columns {
            Objects.requireNonNull(table, "table");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("empty column list");
            }
        }

        @Override
        public boolean matches(String table, String name, List<String> columns) {
            return this.table.matches(table) && matchesColumns(columns);
        }

        public boolean matchesColumns(List<String> actual) {
            if (actual.size() != columns.size()) {
                return false;
            }
            if (ordered) {
                for (int i = 0; i < columns.size(); i++) {
                    if (!columns.get(i).matches(actual.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return assign(0, actual, new boolean[actual.size()]);
        }

        /** Each pattern takes a different column; backtracking is fine for lists this short. */
        private boolean assign(int pattern, List<String> actual, boolean[] taken) {
            if (pattern == columns.size()) {
                return true;
            }
            for (int i = 0; i < actual.size(); i++) {
                if (!taken[i] && columns.get(pattern).matches(actual.get(i))) {
                    taken[i] = true;
                    if (assign(pattern + 1, actual, taken)) {
                        return true;
                    }
                    taken[i] = false;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return table + columns.stream().map(Glob::toString).collect(Collectors.joining(", ", "(", ")"));
        }
    }
}
