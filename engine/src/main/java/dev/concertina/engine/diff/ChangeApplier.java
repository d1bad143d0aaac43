package dev.concertina.engine.diff;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies changes to a schema value, as the database would. Used to check a change list without
 * a database: {@code diff(apply(a, diff(a, b)), b)} is empty, and applying the inverses in reverse
 * order returns to {@code a}.
 */
public final class ChangeApplier {

    private ChangeApplier() {}

    /** {@code schema} with every change applied in list order. */
    public static Schema apply(Schema schema, List<? extends Change> changes) {
        Schema s = schema;
        for (Change c : changes) {
            s = apply(s, c);
        }
        return s.sorted();
    }

    /** {@code schema} with one change applied; fails on a change that does not fit the schema. */
    public static Schema apply(Schema s, Change change) {
        if (change instanceof Change.AddTable c) {
            requireAbsent(s, c.table(), change);
            return withTables(s, add(s.tables(), c.definition()));
        } else if (change instanceof Change.DropTable c) {
            return withTables(s, remove(s.tables(), table(s, c.table(), change)));
        } else if (change instanceof Change.RenameTable c) {
            requireAbsent(s, c.to().name(), change);
            List<Table> ts = remove(s.tables(), table(s, c.from().name(), change));
            return withTables(new Schema(ts, s.sequences()), add(ts, c.to()));
        } else if (change instanceof Change.AlterTableComment c) {
            return edit(s, c.table(), change, t -> t.withComment(c.to()));
        } else if (change instanceof Change.AddColumn c) {
            return edit(s, c.table(), change, t -> t.withColumns(add(t.columns(), c.column())));
        } else if (change instanceof Change.DropColumn c) {
            return edit(
                    s,
                    c.table(),
                    change,
                    t -> t.withColumns(remove(t.columns(), column(t, c.column().name(), change))));
        } else if (change instanceof Change.AlterColumn c) {
            return edit(
                    s,
                    c.table(),
                    change,
                    t -> t.withColumns(replace(t.columns(), column(t, c.from().name(), change), c.to())));
        } else if (change instanceof Change.RenameColumn c) {
            return edit(
                    s,
                    c.table(),
                    change,
                    t -> t.withColumns(replace(t.columns(), column(t, c.from().name(), change), c.to())));
        } else if (change instanceof Change.AlterPrimaryKey c) {
            return edit(s, c.table(), change, t -> t.withPrimaryKey(c.to()));
        } else if (change instanceof Change.AddIndex c) {
            return edit(s, c.table(), change, t -> t.withIndexes(add(t.indexes(), c.index())));
        } else if (change instanceof Change.DropIndex c) {
            return edit(s, c.table(), change, t -> t.withIndexes(remove(t.indexes(), c.index())));
        } else if (change instanceof Change.AddUnique c) {
            return edit(s, c.table(), change, t -> t.withUniques(add(t.uniques(), c.unique())));
        } else if (change instanceof Change.DropUnique c) {
            return edit(s, c.table(), change, t -> t.withUniques(remove(t.uniques(), c.unique())));
        } else if (change instanceof Change.AddForeignKey c) {
            table(s, c.foreignKey().referencedTable(), change);
            return edit(s, c.table(), change, t -> t.withForeignKeys(add(t.foreignKeys(), c.foreignKey())));
        } else if (change instanceof Change.DropForeignKey c) {
            return edit(s, c.table(), change, t -> t.withForeignKeys(remove(t.foreignKeys(), c.foreignKey())));
        } else if (change instanceof Change.AddCheck c) {
            return edit(s, c.table(), change, t -> t.withChecks(add(t.checks(), c.check())));
        } else if (change instanceof Change.DropCheck c) {
            return edit(s, c.table(), change, t -> t.withChecks(remove(t.checks(), c.check())));
        } else if (change instanceof Change.AddSequence c) {
            return new Schema(s.tables(), add(s.sequences(), c.sequence()));
        } else if (change instanceof Change.DropSequence c) {
            return new Schema(
                    s.tables(), remove(s.sequences(), sequence(s, c.sequence().name(), change)));
        } else if (change instanceof Change.AlterSequence c) {
            return new Schema(
                    s.tables(), replace(s.sequences(), sequence(s, c.from().name(), change), c.to()));
        }
        throw new IllegalArgumentException("cannot apply " + change.kind());
    }

    private static Schema withTables(Schema s, List<Table> tables) {
        return new Schema(tables, s.sequences());
    }

    private static Schema edit(Schema s, String name, Change change, UnaryOperator<Table> f) {
        Table t = table(s, name, change);
        return withTables(s, replace(s.tables(), t, f.apply(t)));
    }

    private static void requireAbsent(Schema s, String name, Change change) {
        if (s.table(name).isPresent()) {
            throw new IllegalStateException(change.describe() + ": table exists");
        }
    }

    private static Table table(Schema s, String name, Change change) {
        return s.table(name)
                .orElseThrow(() -> new IllegalStateException(change.describe() + ": no table \"" + name + "\""));
    }

    private static Column column(Table t, String name, Change change) {
        return t.column(name)
                .orElseThrow(() -> new IllegalStateException(change.describe() + ": no column \"" + name + "\""));
    }

    private static Sequence sequence(Schema s, String name, Change change) {
        return s.sequences().stream()
                .filter(q -> q.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(change.describe() + ": no sequence"));
    }

    private static <T> List<T> add(List<T> items, T item) {
        List<T> l = new ArrayList<>(items);
        l.add(item);
        return l;
    }

    private static <T> List<T> remove(List<T> items, T item) {
        List<T> l = new ArrayList<>(items);
        if (!l.remove(item)) {
            throw new IllegalStateException("not present: " + item);
        }
        return l;
    }

    private static <T> List<T> replace(List<T> items, T old, T now) {
        List<T> l = new ArrayList<>(items);
        l.set(l.indexOf(old), now);
        return l;
    }
}
