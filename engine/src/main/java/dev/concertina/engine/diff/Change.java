package dev.concertina.engine.diff;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

// Over 400 lines on purpose: one sealed family of small records (callers name them Change.X) and their text.
/**
 * One difference between two schemas, as a value. Every change that removes or alters something
 * carries a full snapshot of what was there, so {@link #inverse()} is always computable: the
 * downgrade of a list of changes is the list reversed, each change inverted.
 *
 * <p>Tables are added and dropped <em>without</em> their foreign keys: those are always separate
 * {@link AddForeignKey} / {@link DropForeignKey} changes, so that cycles between new tables and
 * the order of creation never matter ({@link ChangeOrder}). A table snapshot keeps its columns,
 * primary key, uniques, indexes, checks and comment; triggers are never part of it.
 */
public sealed interface Change {

    /** The table the change belongs to; for a table rename, the table's current (old) name; for a sequence, the sequence name. */
    String table();

    /** The column, index or constraint the change is about; empty for whole tables, sequences and primary keys. */
    String name();

    /** One line for people: {@code add column "person"."email" VARCHAR(255) NULL}. */
    String describe();

    /** The change that undoes this one. {@code c.inverse().inverse()} equals {@code c}. */
    Change inverse();

    /** Stable snake-case kind for machine output: {@code add_column}, {@code alter_primary_key}, … */
    default String kind() {
        return KindNames.of(getClass());
    }

    // ---------------------------------------------------------------- tables

    /** Create a table (without foreign keys; see the interface docs). */
    record AddTable(Table definition) implements Change {
        public AddTable {
            Objects.requireNonNull(definition, "definition");
        }

        public String table() {
            return definition.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            int n = definition.columns().size();
            return "add table " + q(definition.name()) + " (" + n + (n == 1 ? " column)" : " columns)");
        }

        public Change inverse() {
            return new DropTable(definition);
        }
    }

    /** Drop a table; {@code definition} is its full snapshot (without foreign keys). */
    record DropTable(Table definition) implements Change {
        public DropTable {
            Objects.requireNonNull(definition, "definition");
        }

        public String table() {
            return definition.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "drop table " + q(definition.name());
        }

        public Change inverse() {
            return new AddTable(definition);
        }
    }

    /**
     * A table known (from a hint) to be the same table under a new name. {@code from} and {@code to}
     * are both full snapshots; columns are matched by name between them.
     */
    record RenameTable(Table from, Table to) implements Change {
        public RenameTable {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public String table() {
            return from.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "rename table " + q(from.name()) + " to " + q(to.name());
        }

        public Change inverse() {
            return new RenameTable(to, from);
        }
    }

    /** Change the table comment. */
    record AlterTableComment(String table, Optional<String> from, Optional<String> to) implements Change {
        public AlterTableComment {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "alter comment of table " + q(table) + ": " + text(from) + " -> " + text(to);
        }

        public Change inverse() {
            return new AlterTableComment(table, to, from);
        }
    }

    // ---------------------------------------------------------------- columns

    record AddColumn(String table, Column column) implements Change {
        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public String name() {
            return column.name();
        }

        public String describe() {
            return "add column " + columnText(table, column);
        }

        public Change inverse() {
            return new DropColumn(table, column);
        }
    }

    /** Drop a column; {@code column} is its full snapshot. */
    record DropColumn(String table, Column column) implements Change {
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        public String name() {
            return column.name();
        }

        public String describe() {
            return "drop column " + columnText(table, column);
        }

        public Change inverse() {
            return new AddColumn(table, column);
        }
    }

    /**
     * Change one or more aspects of a column. {@code from} and {@code to} have the same name; they
     * differ exactly in {@code aspects}, which iterate in declaration order (TYPE, COLLATION, GENERATED, NULLABLE,
     * DEFAULT, IDENTITY, COMMENT) so everything made from them (steps, hazards, text) is deterministic.
     */
    record AlterColumn(String table, Column from, Column to, Set<ColumnAspect> aspects) implements Change {
        public AlterColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (aspects.isEmpty()) {
                throw new IllegalArgumentException("alter column " + q(table, from.name()) + ": no aspect changes");
            }
            // An EnumSet iterates in declaration order; Set.copyOf would not (its order varies per JVM run).
            aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
        }

        public String name() {
            return to.name();
        }

        public String describe() {
            return "alter column " + q(table, to.name()) + " "
                    + aspects.stream().map(a -> a.describe(from, to)).collect(Collectors.joining(", "));
        }

        public Change inverse() {
            return new AlterColumn(table, to, from, aspects);
        }
        /** The aspects in declaration order (TYPE, COLLATION, GENERATED, NULLABLE, DEFAULT, IDENTITY, COMMENT). */
        public List<ColumnAspect> orderedAspects() {
            return List.copyOf(aspects);
        }
    }

    /**
     * A column known (from a hint) to be the same column under a new name. Both snapshots are
     * full: when their types differ the rename also converts.
     */
    record RenameColumn(String table, Column from, Column to) implements Change {
        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public String name() {
            return from.name();
        }

        public String describe() {
            return "rename column " + q(table, from.name()) + " to " + q(to.name())
                    + (from.type().sameAs(to.type()) ? "" : " converting " + from.type() + " to " + to.type());
        }

        public Change inverse() {
            return new RenameColumn(table, to, from);
        }
    }

    /** Change the primary key; either side may be absent (no primary key). */
    record AlterPrimaryKey(String table, Optional<PrimaryKey> from, Optional<PrimaryKey> to) implements Change {
        public AlterPrimaryKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "alter primary key of " + q(table) + ": "
                    + from.map(p -> cols(p.columns())).orElse("none") + " -> "
                    + to.map(p -> cols(p.columns())).orElse("none");
        }

        public Change inverse() {
            return new AlterPrimaryKey(table, to, from);
        }
    }

    // ---------------------------------------------------------------- indexes and constraints

    record AddIndex(String table, Index index) implements Change {
        public AddIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        public String name() {
            return index.name();
        }

        public String describe() {
            return "add " + indexText(table, index);
        }

        public Change inverse() {
            return new DropIndex(table, index);
        }
    }

    record DropIndex(String table, Index index) implements Change {
        public DropIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        public String name() {
            return index.name();
        }

        public String describe() {
            return "drop " + indexText(table, index);
        }

        public Change inverse() {
            return new AddIndex(table, index);
        }
    }

    record AddUnique(String table, UniqueConstraint unique) implements Change {
        public AddUnique {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(unique, "unique");
        }

        public String name() {
            return unique.name();
        }

        public String describe() {
            return "add " + uniqueText(table, unique);
        }

        public Change inverse() {
            return new DropUnique(table, unique);
        }
    }

    record DropUnique(String table, UniqueConstraint unique) implements Change {
        public DropUnique {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(unique, "unique");
        }

        public String name() {
            return unique.name();
        }

        public String describe() {
            return "drop " + uniqueText(table, unique);
        }

        public Change inverse() {
            return new AddUnique(table, unique);
        }
    }

    record AddForeignKey(String table, ForeignKey foreignKey) implements Change {
        public AddForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(foreignKey, "foreignKey");
        }

        public String name() {
            return foreignKey.name();
        }

        public String describe() {
            return "add " + fkText(table, foreignKey);
        }

        public Change inverse() {
            return new DropForeignKey(table, foreignKey);
        }
    }

    record DropForeignKey(String table, ForeignKey foreignKey) implements Change {
        public DropForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(foreignKey, "foreignKey");
        }

        public String name() {
            return foreignKey.name();
        }

        public String describe() {
            return "drop " + fkText(table, foreignKey);
        }

        public Change inverse() {
            return new AddForeignKey(table, foreignKey);
        }
    }

    record AddCheck(String table, CheckConstraint check) implements Change {
        public AddCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(check, "check");
        }

        public String name() {
            return check.name();
        }

        public String describe() {
            return "add " + checkText(table, check);
        }

        public Change inverse() {
            return new DropCheck(table, check);
        }
    }

    record DropCheck(String table, CheckConstraint check) implements Change {
        public DropCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(check, "check");
        }

        public String name() {
            return check.name();
        }

        public String describe() {
            return "drop " + checkText(table, check);
        }

        public Change inverse() {
            return new AddCheck(table, check);
        }
    }

    // ---------------------------------------------------------------- sequences

    record AddSequence(Sequence sequence) implements Change {
        public AddSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        public String table() {
            return sequence.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "add sequence " + q(sequence.name()) + " start " + sequence.start() + " increment "
                    + sequence.increment();
        }

        public Change inverse() {
            return new DropSequence(sequence);
        }
    }

    record DropSequence(Sequence sequence) implements Change {
        public DropSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        public String table() {
            return sequence.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "drop sequence " + q(sequence.name());
        }

        public Change inverse() {
            return new AddSequence(sequence);
        }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public AlterSequence {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        public String table() {
            return to.name();
        }

        public String name() {
            return "";
        }

        public String describe() {
            return "alter sequence " + q(to.name()) + ": start " + from.start() + " -> " + to.start() + ", increment "
                    + from.increment() + " -> " + to.increment();
        }

        public Change inverse() {
            return new AlterSequence(to, from);
        }
    }

    // ---------------------------------------------------------------- text helpers

    /** {@code "person"} — names quoted as in messages (never SQL). */
    static String q(String name) {
        return '"' + name + '"';
    }

    static String q(String table, String column) {
        return q(table) + "." + q(column);
    }

    static String cols(List<String> columns) {
        return columns.stream().map(Change::q).collect(Collectors.joining(", ", "(", ")"));
    }

    static String label(String name) {
        return name.isEmpty() ? "" : q(name) + " ";
    }

    /** A comment or default for a one-line description: quoted, line breaks shown as \n. */
    static String text(Optional<String> s) {
        return s.map(v -> "'" + v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "'")
                .orElse("none");
    }

    /** {@code "person"."email" VARCHAR(255) NULL}: what add and drop column say. */
    static String columnText(String table, Column c) {
        return q(table, c.name()) + " " + c.type().describe()
                + (c.nullable() ? " NULL" : " NOT NULL")
                + c.defaultValue().map(d -> " DEFAULT " + d).orElse("")
                + (c.identity() ? " IDENTITY" : "");
    }

    static String indexText(String table, Index index) {
        // Order, expressions, predicate, method and INCLUDE are said, so a reviewer sees them.
        return (index.unique() ? "unique " : "") + "index " + label(index.name()) + "on " + q(table) + " "
                + (index.details().isPlain() ? cols(index.columns()) : index.describeKey());
    }

    static String uniqueText(String table, UniqueConstraint unique) {
        return "unique " + label(unique.name()) + "on " + q(table) + " " + cols(unique.columns());
    }

    static String fkText(String table, ForeignKey fk) {
        return "foreign key " + label(fk.name()) + "on " + q(table) + " " + fkText(fk);
    }

    static String checkText(String table, CheckConstraint check) {
        return "check " + label(check.name()) + "on " + q(table) + " (" + check.expression() + ")";
    }

    static String fkText(ForeignKey fk) {
        return cols(fk.columns()) + " -> " + q(fk.referencedTable()) + cols(fk.referencedColumns())
                + (fk.onDelete().name().equals("NO_ACTION")
                        ? ""
                        : " ON DELETE " + fk.onDelete().name().replace('_', ' '))
                + (fk.onUpdate().name().equals("NO_ACTION")
                        ? ""
                        : " ON UPDATE " + fk.onUpdate().name().replace('_', ' '));
    }
}
