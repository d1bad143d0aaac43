package dev.concertina.engine.diff;

import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits the differences into those to plan and those to keep (docs/planner.md, "What the entities
 * are silent about"). Each difference has a direction: the entities ask for something the database
 * lacks or has otherwise (planned), or the database has something the entities do not write
 * (kept, unless a {@code [policy]} line makes the entities decide for that kind). Only a desired
 * side read from entities ({@link Origin#fromEntity()}) is silent about anything; schemas made in
 * code speak for everything. Equivalents (a key's column order, a unique over NOT NULL columns for
 * the primary key, a wider integer for an ordinal enum) are kept whatever the policy. Tables, keys
 * and constraints are decided here; the aspects of altered columns in {@link KeptColumns}.
 */
final class KeptDifferences {

    /** Other migration tools' bookkeeping tables, by lower-case name. */
    static final Set<String> TOOL_TABLES = Set.of(
            "databasechangelog",
            "databasechangeloglock",
            "flyway_schema_history",
            "alembic_version",
            "migrate_version");

    private static final Pattern IN_LIST = Pattern.compile(
            "^\\(*\\s*\"?[A-Za-z_][A-Za-z0-9_$]*\"?\\s+in\\s*\\(.*\\)\\s*\\)*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final List<Change> changes;
    private final Schema current;
    private final Schema desired;
    private final IgnoreFilter policy;
    private final PreexistingTables preexisting;
    /** Whether the desired side was read from entities, which can be silent about a table. */
    private final boolean entitiesSpeak;

    private final List<Change> planned = new ArrayList<>();
    private final List<Kept> kept = new ArrayList<>();
    private final Set<String> droppedTables = new HashSet<>();
    private final Set<String> droppedColumns = new HashSet<>();
    private final Set<Change> handled = new HashSet<>();
    private final KeptColumns columns;

    private KeptDifferences(
            List<Change> changes, Schema current, Schema desired, IgnoreFilter policy, PreexistingTables preexisting) {
        this.changes = changes;
        this.current = current;
        this.desired = desired;
        this.policy = policy;
        this.preexisting = preexisting;
        this.entitiesSpeak = desired.tables().stream().anyMatch(t -> t.origin().fromEntity());
        this.columns = new KeptColumns(current, desired, policy, kept);
    }

    static SchemaDiff split(
            List<Change> changes, Schema current, Schema desired, IgnoreFilter policy, PreexistingTables preexisting) {
        return new KeptDifferences(changes, current, desired, policy, preexisting).split();
    }

    private SchemaDiff split() {
        for (Change change : changes) {
            if (change instanceof Change.DropTable drop
                    && keptTable(drop.table()).isEmpty()) {
                droppedTables.add(drop.table());
            } else if (change instanceof Change.DropColumn drop) {
                droppedColumns.add(key(drop.table(), drop.column().name()));
            }
        }
        handled.addAll(columns.equivalentChecks(changes));
        for (Change change : changes) {
            if (handled.contains(change)) {
                continue;
            }
            Optional<Change> rest = decide(change);
            rest.ifPresent(planned::add);
        }
        planned.addAll(columns.added());
        kept.sort(Comparator.comparing(Kept::table).thenComparing(Kept::kind).thenComparing(Kept::name));
        return new SchemaDiff(ChangeOrder.sort(planned), kept);
    }

    /** The part of {@code change} to plan; empty when all of it is kept. */
    private Optional<Change> decide(Change change) {
        if (change instanceof Change.DropTable drop && keptTable(drop.table()).isPresent()) {
            Kept.Kind kind = keptTable(drop.table()).get();
            kept.add(new Kept(
                    kind,
                    drop.table(),
                    "",
                    "",
                    kind == Kept.Kind.TOOL_TABLE
                            ? "another migration tool's bookkeeping; Concertina leaves it alone"
                            : "no entity maps it, and it predates Concertina here: " + preexisting.because()));
            return Optional.empty();
        }
        if (change instanceof Change.DropForeignKey drop
                && keptTable(drop.table()).isPresent()
                && !desired.table(drop.table()).isPresent()) {
            return Optional.empty(); // part of a kept table
        }
        if (change instanceof Change.AlterPrimaryKey key) {
            return primaryKey(key);
        }
        if (change instanceof Change.DropUnique drop) {
            return unique(drop);
        }
        Optional<Table> table =
                desired.table(change.table()).filter(t -> t.origin().fromEntity());
        if (table.isEmpty()) {
            return Optional.of(change);
        }
        if (change instanceof Change.AlterColumn alter) {
            return columns.column(alter, table.get());
        }
        if (change instanceof Change.AlterTableComment comment && comment.to().isEmpty()) {
            return keep(
                    Kept.Kind.COMMENT,
                    comment.table(),
                    "",
                    Change.text(comment.from()),
                    "the entity writes no @Comment; the database's comment documents the table",
                    change);
        }
        if (change instanceof Change.DropIndex drop
                && !paired(drop)
                && !touchesDropped(drop.table(), drop.index().columns())
                && table.get().indexes().isEmpty()) {
            return keep(
                    Kept.Kind.INDEX,
                    drop.table(),
                    drop.index().name(),
                    Change.cols(drop.index().columns()),
                    "the entities declare no @Index on this table",
                    change);
        }
        if (change instanceof Change.DropCheck drop
                && !paired(drop)
                && !enumDomain(drop.check().expression())
                && !touchesDropped(
                        drop.table(),
                        Differ.mentioned(
                                currentTable(drop.table()), drop.check().expression()))
                && table.get().checks().stream().allMatch(c -> enumDomain(c.expression()))) {
            return keep(
                    Kept.Kind.CHECK,
                    drop.table(),
                    drop.check().name(),
                    "(" + drop.check().expression() + ")",
                    "the entities declare no @Check on this table",
                    change);
        }
        if (change instanceof Change.DropForeignKey drop
                && !paired(drop)
                && !droppedTables.contains(drop.table())
                && !droppedTables.contains(drop.foreignKey().referencedTable())
                && !touchesDropped(drop.table(), drop.foreignKey().columns())) {
            return keep(
                    Kept.Kind.FOREIGN_KEY,
                    drop.table(),
                    drop.foreignKey().name(),
                    Change.fkText(drop.foreignKey()),
                    "the mapping does not imply this foreign key",
                    change);
        }
        return Optional.of(change);
    }

    private Optional<Change> keep(
            Kept.Kind kind, String table, String name, String detail, String reason, Change change) {
        if (policy.followsEntities(kind)) {
            return Optional.of(change);
        }
        kept.add(new Kept(kind, table, name, detail, reason));
        return Optional.empty();
    }

    // ---------------------------------------------------------------- keys and constraints

    /** Another column order of the same key, or the key the database enforces with a unique over NOT NULL columns. */
    private Optional<Change> primaryKey(Change.AlterPrimaryKey change) {
        if (change.from().isPresent() && change.to().isPresent()) {
            List<String> database = change.from().get().columns();
            List<String> entities = change.to().get().columns();
            if (database.size() == entities.size() && Set.copyOf(database).equals(Set.copyOf(entities))) {
                kept.add(new Kept(
                        Kept.Kind.KEY_ORDER,
                        change.table(),
                        "",
                        "primary key " + Change.cols(database) + " vs " + Change.cols(entities),
                        "the same key; the order only matters to its index"));
                return Optional.empty();
            }
        }
        if (change.from().isPresent() && change.to().isEmpty()) {
            // The entities declare a unique over the columns of the database's key and no key: the key
            // enforces that unique and more (its columns are NOT NULL), so dropping it would only weaken.
            List<String> columns = change.from().get().columns();
            Optional<Change.AddUnique> unique = changes.stream()
                    .filter(c -> c instanceof Change.AddUnique a
                            && a.table().equals(change.table())
                            && a.unique().columns().size() == columns.size()
                            && Set.copyOf(a.unique().columns()).equals(Set.copyOf(columns)))
                    .map(Change.AddUnique.class::cast)
                    .findFirst();
            if (unique.isPresent()) {
                handled.add(unique.get());
                kept.add(new Kept(
                        Kept.Kind.PRIMARY_KEY,
                        change.table(),
                        unique.get().unique().name(),
                        "primary key " + Change.cols(columns) + " vs unique "
                                + Change.cols(unique.get().unique().columns()),
                        "equivalent: the database's key enforces the entities' unique, and NOT NULL besides"));
                return Optional.empty();
            }
        }
        if (change.from().isPresent()
                && change.to().isEmpty()
                && desired.table(change.table())
                        .map(t -> t.origin().fromEntity())
                        .orElse(false)) {
            kept.add(new Kept(
                    Kept.Kind.PRIMARY_KEY,
                    change.table(),
                    "",
                    "primary key " + Change.cols(change.from().get().columns()),
                    "the entities map no primary key on this table; "
                            + "dropping the database's would only weaken it"));
            return Optional.empty();
        }
        if (change.from().isEmpty() && change.to().isPresent()) {
            List<String> columns = change.to().get().columns();
            Table table = currentTable(change.table());
            Optional<UniqueConstraint> unique = table.uniques().stream()
                    .filter(u -> Set.copyOf(u.columns()).equals(Set.copyOf(columns))
                            && u.columns().size() == columns.size())
                    .findFirst();
            boolean notNull = columns.stream()
                    .allMatch(c -> table.column(c).map(col -> !col.nullable()).orElse(false));
            if (unique.isPresent() && notNull) {
                kept.add(new Kept(
                        Kept.Kind.PRIMARY_KEY,
                        change.table(),
                        unique.get().name(),
                        "unique " + Change.cols(unique.get().columns()) + " vs primary key " + Change.cols(columns),
                        "equivalent: a unique over NOT NULL columns identifies rows as the key would"));
                changes.stream()
                        .filter(c -> c instanceof Change.DropUnique d
                                && d.table().equals(change.table())
                                && d.unique().equals(unique.get()))
                        .forEach(handled::add);
                return Optional.empty();
            }
        }
        return Optional.of(change);
    }

    private Optional<Change> unique(Change.DropUnique drop) {
        Optional<Change> reordered = changes.stream()
                .filter(c -> c instanceof Change.AddUnique add
                        && add.table().equals(drop.table())
                        && add.unique().columns().size()
                                == drop.unique().columns().size()
                        && !add.unique().columns().equals(drop.unique().columns())
                        && Set.copyOf(add.unique().columns())
                                .equals(Set.copyOf(drop.unique().columns())))
                .findFirst();
        if (reordered.isPresent()) {
            handled.add(reordered.get());
            kept.add(new Kept(
                    Kept.Kind.KEY_ORDER,
                    drop.table(),
                    drop.unique().name(),
                    "unique " + Change.cols(drop.unique().columns()) + " vs "
                            + Change.cols(((Change.AddUnique) reordered.get())
                                    .unique()
                                    .columns()),
                    "the same constraint; the order only matters to its index"));
            return Optional.empty();
        }
        Optional<Table> table =
                desired.table(drop.table()).filter(t -> t.origin().fromEntity());
        if (table.isEmpty()
                || paired(drop)
                || touchesDropped(drop.table(), drop.unique().columns())) {
            return Optional.of(drop);
        }
        // A table-level declaration (@Table(uniqueConstraints), @Index(unique = true)) makes the
        // entities speak for the table's uniques; so does unique written on the one column.
        boolean declaredOnTable =
                table.get().uniques().stream().anyMatch(u -> u.columns().size() > 1);
        boolean declaredOnColumn = drop.unique().columns().size() == 1
                && table.get()
                        .column(drop.unique().columns().get(0))
                        .map(c -> c.origin().declares(DeclaredAttribute.UNIQUE))
                        .orElse(false);
        if (declaredOnTable || declaredOnColumn) {
            return Optional.of(drop);
        }
        return keep(
                Kept.Kind.UNIQUE,
                drop.table(),
                drop.unique().name(),
                Change.cols(drop.unique().columns()),
                "the entities declare no unique constraint on this table",
                drop);
    }

    /** True when an add of the same kind on the same table replaces it (same non-empty name or same columns). */
    private boolean paired(Change drop) {
        return changes.stream().anyMatch(c -> c.table().equals(drop.table()) && replaces(drop, c));
    }

    private static boolean replaces(Change drop, Change add) {
        boolean sameName = !drop.name().isEmpty() && drop.name().equals(add.name());
        if (drop instanceof Change.DropIndex d && add instanceof Change.AddIndex a) {
            return sameName || d.index().columns().equals(a.index().columns());
        }
        if (drop instanceof Change.DropUnique d && add instanceof Change.AddUnique a) {
            return sameName || d.unique().columns().equals(a.unique().columns());
        }
        if (drop instanceof Change.DropForeignKey d && add instanceof Change.AddForeignKey a) {
            return sameName || d.foreignKey().columns().equals(a.foreignKey().columns());
        }
        if (drop instanceof Change.DropCheck d && add instanceof Change.AddCheck a) {
            return sameName || sameColumns(d.check().expression(), a.check().expression());
        }
        return false;
    }

    /** Two enum-style checks on one column (the planner pairs them by their domain). */
    private static boolean sameColumns(String dropped, String added) {
        return enumDomain(dropped) && enumDomain(added) && firstWord(dropped).equalsIgnoreCase(firstWord(added));
    }

    private static String firstWord(String expression) {
        return expression.replaceAll("^[(\\s\"]+", "").split("[\\s\"><=(]", 2)[0];
    }

    /** The shapes Hibernate writes for enum mappings: the entities speak for these. */
    private static boolean enumDomain(String expression) {
        String trimmed = expression.trim();
        return KeptColumns.RANGE.matcher(trimmed).matches()
                || IN_LIST.matcher(trimmed).matches();
    }

    private boolean touchesDropped(String table, List<String> columns) {
        return droppedTables.contains(table) || columns.stream().anyMatch(c -> droppedColumns.contains(key(table, c)));
    }

    private Table currentTable(String name) {
        return current.table(name).orElse(Table.of(name, List.of()));
    }

    /**
     * How a table no entity maps is kept, if it is: another tool's bookkeeping, or a table that
     * predates Concertina while the entities speak (a schema made in code speaks for every table);
     * empty when its drop is planned, as a {@code [policy]} line may ask.
     */
    private Optional<Kept.Kind> keptTable(String name) {
        if (toolTable(name)) {
            return policy.followsEntities(Kept.Kind.TOOL_TABLE) ? Optional.empty() : Optional.of(Kept.Kind.TOOL_TABLE);
        }
        return preexisting.contains(name) && entitiesSpeak && !policy.followsEntities(Kept.Kind.TABLE)
                ? Optional.of(Kept.Kind.TABLE)
                : Optional.empty();
    }

    private static boolean toolTable(String name) {
        return TOOL_TABLES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static String key(String table, String column) {
        return table + "\u0000" + column;
    }
}
