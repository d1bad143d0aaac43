package dev.concertina.engine.plan;

import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.KindNames;
import dev.concertina.engine.model.Column;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One thing a migration does. {@link Ddl} wraps a schema change (codegen renders it with jOOQ's
 * DSL); the other steps are the runtime helpers' work (sync triggers, write guards, backfills,
 * pre-checks; docs/expand.md). Every step names its table and carries what its inverse needs.
 */
public sealed interface Step {

    /** The table the step works on (for a table rename: the old table). */
    String table();

    /** One line for people. */
    String describe();

    /** The step that undoes this one in a downgrade; empty when there is nothing to undo (checks, backfills). */
    Optional<Step> inverse();

    /**
     * The steps that undo this one in a downgrade, in run order: {@link #inverse()}, unless the
     * planner stated more (a renamed column's old column restored from the new one).
     */
    default List<Step> undo() {
        return inverse().map(List::of).orElse(List.of());
    }

    /** Stable snake-case kind: {@code ddl}, {@code install_sync}, … */
    default String kind() {
        return KindNames.of(getClass());
    }

    /**
     * A schema change, run as DDL. {@code restore}, when not empty, is what undoes it in place of
     * the change's inverse: a dropped column whose values another column still holds is added back
     * and filled ({@link ColumnRules}).
     */
    record Ddl(Change change, List<Step> restore) implements Step {
        public Ddl {
            Objects.requireNonNull(change, "change");
            restore = List.copyOf(restore);
        }

        public Ddl(Change change) {
            this(change, List.of());
        }

        /** True when the planner stated how to undo it ({@link #restore}). */
        public boolean restorable() {
            return !restore.isEmpty();
        }

        @Override
        public List<Step> undo() {
            return restorable() ? restore : List.of(new Ddl(change.inverse()));
        }

        public String table() {
            return change.table();
        }

        public String describe() {
            return change.describe();
        }

        public Optional<Step> inverse() {
            return Optional.of(new Ddl(change.inverse()));
        }
    }

    /**
     * Keep {@code oldColumn} and {@code newColumn} of {@code table} equal (docs/expand.md):
     * {@code newColumn := up(row)} when old code writes, {@code oldColumn := down(row)} when new code writes.
     * {@code after}, when not empty, runs in a downgrade after the trigger's drop.
     */
    record InstallSync(String table, String oldColumn, String newColumn, Expr up, Expr down, List<Step> after)
            implements Step {
        public InstallSync {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(oldColumn, "oldColumn");
            Objects.requireNonNull(newColumn, "newColumn");
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(down, "down");
            after = List.copyOf(after);
        }

        public InstallSync(String table, String oldColumn, String newColumn, Expr up, Expr down) {
            this(table, oldColumn, newColumn, up, down, List.of());
        }

        /** The trigger's drop, then {@code after}: a NOT NULL old column made NOT NULL again where installing relaxed it (H2). */
        @Override
        public List<Step> undo() {
            List<Step> out = new java.util.ArrayList<>(Step.super.undo());
            out.addAll(after);
            return out;
        }

        public String describe() {
            return "install sync trigger on \"" + table + "\": \"" + newColumn + "\" := " + up.describe() + ", \""
                    + oldColumn + "\" := " + down.describe();
        }

        public Optional<Step> inverse() {
            return Optional.of(new DropSync(table, oldColumn, newColumn, up, down));
        }
    }

    /**
     * Remove the sync trigger of {@link InstallSync} (and, on PostgreSQL, its function). {@code after},
     * when not empty, runs in a downgrade after the trigger is back: the old column refilled from
     * the new one once the contract dropped it.
     */
    record DropSync(String table, String oldColumn, String newColumn, Expr up, Expr down, List<Step> after)
            implements Step {
        public DropSync {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(oldColumn, "oldColumn");
            Objects.requireNonNull(newColumn, "newColumn");
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(down, "down");
            after = List.copyOf(after);
        }

        public DropSync(String table, String oldColumn, String newColumn, Expr up, Expr down) {
            this(table, oldColumn, newColumn, up, down, List.of());
        }

        @Override
        public List<Step> undo() {
            List<Step> out = new java.util.ArrayList<>(Step.super.undo());
            out.addAll(after);
            return out;
        }

        public String describe() {
            return "drop sync trigger on \"" + table + "\" (\"" + oldColumn + "\" <-> \"" + newColumn + "\")";
        }

        public Optional<Step> inverse() {
            return Optional.of(new InstallSync(table, oldColumn, newColumn, up, down));
        }
    }

    /**
     * A trigger rejecting INSERT, UPDATE and DELETE on {@code table} with {@code message}; reads keep
     * working. The message is one line of at most {@link #MAX_MESSAGE} characters.
     */
    record InstallGuard(String table, String message) implements Step {
        /** MariaDB/MySQL's {@code SIGNAL … MESSAGE_TEXT} keeps 128 characters; one class runs everywhere, so every guard fits. */
        public static final int MAX_MESSAGE = 128;

        public InstallGuard {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(message, "message");
            if (message.length() > MAX_MESSAGE || message.contains("\n")) {
                throw new ConcertinaException(
                        ErrorCode.PLAN,
                        "write guard on \"" + table + "\": its message must be one line of at most " + MAX_MESSAGE
                                + " characters (MariaDB's SIGNAL limit), not " + message.length() + ": " + message);
            }
        }

        public String describe() {
            return "install write guard on \"" + table + "\": " + message;
        }

        public Optional<Step> inverse() {
            return Optional.of(new DropGuard(table, message));
        }
    }

    /** Remove the write guard of {@link InstallGuard}. */
    record DropGuard(String table, String message) implements Step {
        public DropGuard {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(message, "message");
        }

        public String describe() {
            return "drop write guard on \"" + table + "\"";
        }

        public Optional<Step> inverse() {
            return Optional.of(new InstallGuard(table, message));
        }
    }

    /**
     * Set {@code column := expression} on every row where {@code column} is null, in keyset batches
     * on the primary key (idempotent, resumable).
     */
    record BackfillColumn(String table, String column, Expr expression) implements Step {
        public BackfillColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(expression, "expression");
        }

        public String describe() {
            return "backfill \"" + table + "\".\"" + column + "\" := " + expression.describe() + " where null";
        }

        public Optional<Step> inverse() {
            return Optional.empty();
        }
        /** {@code backfill}: the kind machine output has always printed. */
        @Override
        public String kind() {
            return "backfill";
        }
    }

    /** Fail with {@code message} (and the number of offending rows) unless every row satisfies {@code condition}. */
    record CheckExistingRows(String table, RowCondition condition, String message) implements Step {
        public CheckExistingRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(message, "message");
        }

        public String describe() {
            return "check existing rows of \"" + table + "\": " + condition.describe();
        }

        public Optional<Step> inverse() {
            return Optional.empty();
        }
    }

    /**
     * Change a column's type in place, converting each value with {@code using} (PostgreSQL
     * {@code USING}; MariaDB and H2 need an explicit update when the implicit cast differs).
     * {@code back} converts the other way, for the downgrade.
     */
    record ConvertColumn(String table, Column from, Column to, Expr using, Expr back) implements Step {
        public ConvertColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(using, "using");
            Objects.requireNonNull(back, "back");
        }

        public String describe() {
            return "convert column \"" + table + "\".\"" + to.name() + "\" " + from.type() + " -> " + to.type()
                    + " using " + using.describe();
        }

        public Optional<Step> inverse() {
            return Optional.of(new ConvertColumn(table, to, from, back, using));
        }
    }

    /** How one column of a renamed table maps to the new table. */
    record ColumnMapping(String oldColumn, String newColumn, Expr up, Expr down) {
        public ColumnMapping {
            Objects.requireNonNull(oldColumn, "oldColumn");
            Objects.requireNonNull(newColumn, "newColumn");
            Objects.requireNonNull(up, "up");
            Objects.requireNonNull(down, "down");
        }
    }

    /**
     * Triggers on both tables of a table rename: a row written to one is written to the other
     * (insert, update, delete), matched on the primary key {@code key} (columns of the new table).
     */
    record InstallTableSync(String table, String newTable, List<ColumnMapping> columns, List<String> key)
            implements Step {
        public InstallTableSync {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(newTable, "newTable");
            columns = List.copyOf(columns);
            key = List.copyOf(key);
        }

        public String describe() {
            return "install table sync \"" + table + "\" <-> \"" + newTable + "\" on " + mapped(columns);
        }

        public Optional<Step> inverse() {
            return Optional.of(new DropTableSync(table, newTable, columns, key));
        }
    }

    /** Remove the triggers of {@link InstallTableSync}. */
    record DropTableSync(String table, String newTable, List<ColumnMapping> columns, List<String> key) implements Step {
        public DropTableSync {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(newTable, "newTable");
            columns = List.copyOf(columns);
            key = List.copyOf(key);
        }

        public String describe() {
            return "drop table sync \"" + table + "\" <-> \"" + newTable + "\"";
        }

        public Optional<Step> inverse() {
            return Optional.of(new InstallTableSync(table, newTable, columns, key));
        }
    }

    /** Copy rows of {@code table} missing from {@code newTable} (by {@code key}), in keyset batches. */
    record CopyRows(String table, String newTable, List<ColumnMapping> columns, List<String> key) implements Step {
        public CopyRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(newTable, "newTable");
            columns = List.copyOf(columns);
            key = List.copyOf(key);
        }

        public String describe() {
            return "copy rows \"" + table + "\" -> \"" + newTable + "\" " + mapped(columns);
        }

        public Optional<Step> inverse() {
            return Optional.empty();
        }
    }

    private static String mapped(List<ColumnMapping> columns) {
        return columns.stream()
                .map(m -> m.oldColumn().equals(m.newColumn())
                        ? '"' + m.oldColumn() + '"'
                        : '"' + m.oldColumn() + "\"->\"" + m.newColumn() + '"')
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
