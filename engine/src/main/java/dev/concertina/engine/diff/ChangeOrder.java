package dev.concertina.engine.diff;

import java.util.Comparator;
import java.util.List;

/**
 * The one place that decides the order in which changes run. Each change kind has a rank; within
 * a rank changes are ordered by table, then name, so output is deterministic. The ranks follow
 * one idea: first remove what could block, then create what others need, then change, then
 * remove, and add what depends on everything else last.
 *
 * <ol>
 *   <li>{@code DropForeignKey} — first: nothing may reference what is dropped or altered later;</li>
 *   <li>{@code DropIndex}, {@code DropUnique}, {@code DropCheck} — before the columns they cover are
 *       altered, renamed or dropped;</li>
 *   <li>{@code RenameTable} — before columns of the new name are touched;</li>
 *   <li>{@code AddSequence}, {@code AlterSequence} — before tables whose defaults may use them;</li>
 *   <li>{@code AddTable} — before any foreign key that references it;</li>
 *   <li>{@code RenameColumn}, {@code AddColumn}, {@code AlterColumn} — before a primary key may move onto them;</li>
 *   <li>{@code AlterPrimaryKey} — after its new columns exist, before its old columns are dropped;</li>
 *   <li>{@code DropColumn}, then {@code DropTable} (its inbound foreign keys are already gone), then
 *       {@code DropSequence} (after the tables that used it);</li>
 *   <li>{@code AddUnique}, {@code AddCheck}, {@code AddIndex} — after the columns they cover exist;</li>
 *   <li>{@code AlterTableComment};</li>
 *   <li>{@code AddForeignKey} — last: the referenced table and its unique key exist by now.</li>
 * </ol>
 */
public final class ChangeOrder {

    private static final List<Class<? extends Change>> RANKS = List.of(
            Change.DropForeignKey.class,
            Change.DropIndex.class,
            Change.DropUnique.class,
            Change.DropCheck.class,
            Change.RenameTable.class,
            Change.AddSequence.class,
            Change.AlterSequence.class,
            Change.AddTable.class,
            Change.RenameColumn.class,
            Change.AddColumn.class,
            Change.AlterColumn.class,
            Change.AlterPrimaryKey.class,
            Change.DropColumn.class,
            Change.DropTable.class,
            Change.DropSequence.class,
            Change.AddUnique.class,
            Change.AddCheck.class,
            Change.AddIndex.class,
            Change.AlterTableComment.class,
            Change.AddForeignKey.class);

    /** Dependency-safe order: rank by kind, then table, then name. */
    public static final Comparator<Change> COMPARATOR = Comparator.comparingInt(ChangeOrder::rank)
            .thenComparing(Change::table)
            .thenComparing(Change::name);

    private ChangeOrder() {}

    /** The rank of a change's kind (lower runs first). */
    public static int rank(Change change) {
        int r = RANKS.indexOf(change.getClass());
        if (r < 0) {
            throw new IllegalStateException(
                    "no order rank for " + change.getClass().getSimpleName());
        }
        return r;
    }

    /** The changes sorted into dependency-safe order. */
    public static List<Change> sort(List<? extends Change> changes) {
        return changes.stream().<Change>map(c -> c).sorted(COMPARATOR).toList();
    }
}
