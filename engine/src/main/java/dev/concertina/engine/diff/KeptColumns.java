package dev.concertina.engine.diff;

import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column half of {@link KeptDifferences}: which aspects of an altered column the entities
 * assert (planned) and which they leave at JPA's defaults where the database is stricter or wider
 * (kept): NOT NULL, a default, a wider or shorter type, a wider integer for an ordinal enum, a text
 * column for an enum (which gets the value check instead, {@link TextEnums}).
 */
final class KeptColumns {

    /** Hibernate's range check of an {@code ORDINAL} enum: {@code col >= 0 and col <= n}. */
    static final Pattern RANGE = Pattern.compile(
            "^\\(*\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*>=\\s*(-?[0-9]+)\\s+and\\s+"
                    + "\"?([A-Za-z_][A-Za-z0-9_$]*)\"?\\s*<=\\s*(-?[0-9]+)\\s*\\)*$",
            Pattern.CASE_INSENSITIVE);

    private final Schema current;
    private final Schema desired;
    private final IgnoreFilter policy;
    private final List<Kept> kept;
    private final List<Change> added = new ArrayList<>();

    /** Kept aspects go to {@code kept}. */
    KeptColumns(Schema current, Schema desired, IgnoreFilter policy, List<Kept> kept) {
        this.current = current;
        this.desired = desired;
        this.policy = policy;
        this.kept = kept;
    }

    /** Changes the entities' assertions need besides the altered columns (an enum's value check). */
    List<Change> added() {
        return List.copyOf(added);
    }

    /**
     * The drops of database checks that already limit a text column to its enum's values: they
     * stay, the column being equivalent to the entities' enum.
     */
    Set<Change> equivalentChecks(List<Change> changes) {
        Set<Change> out = new HashSet<>();
        if (policy.followsEntities(Kept.Kind.TYPE)) {
            return out;
        }
        for (Change change : changes) {
            if (change instanceof Change.AlterColumn alter && alter.aspects().contains(ColumnAspect.TYPE)) {
                TextEnums.of(alter, currentTable(alter.table()), desired)
                        .filter(TextEnums.TextEnum::sameValues)
                        .flatMap(TextEnums.TextEnum::existing)
                        .ifPresent(check -> out.add(new Change.DropCheck(alter.table(), check)));
            }
        }
        return out;
    }

    /** The aspects of an altered column the entities assert; the others are kept. */
    Optional<Change> column(Change.AlterColumn alter, Table table) {
        Column from = alter.from();
        Column to = alter.to();
        Origin origin = to.origin();
        if (!origin.fromEntity()) {
            return Optional.of(alter);
        }
        boolean definition = origin.declares(DeclaredAttribute.COLUMN_DEFINITION);
        Set<ColumnAspect> remaining = EnumSet.copyOf(alter.aspects());
        String name = to.name();
        if (alter.aspects().contains(ColumnAspect.NULLABLE)
                && to.nullable()
                && !definition
                && !origin.declares(DeclaredAttribute.NULLABLE)
                && keepAspect(
                        Kept.Kind.NOT_NULL,
                        alter.table(),
                        name,
                        "NOT NULL",
                        "the entity leaves nullable at its default; nothing asks to allow NULL")) {
            remaining.remove(ColumnAspect.NULLABLE);
        }
        if (alter.aspects().contains(ColumnAspect.DEFAULT)
                && to.defaultValue().isEmpty()
                && !definition
                && keepAspect(
                        Kept.Kind.DEFAULT,
                        alter.table(),
                        name,
                        "default " + from.defaultValue().orElse(""),
                        "the entity writes no default; the database's fills what inserts leave out")) {
            remaining.remove(ColumnAspect.DEFAULT);
        }
        if (alter.aspects().contains(ColumnAspect.COMMENT)
                && to.comment().isEmpty()
                && keepAspect(
                        Kept.Kind.COMMENT,
                        alter.table(),
                        name,
                        Change.text(from.comment()),
                        "the entity writes no @Comment; the database's comment documents the column")) {
            remaining.remove(ColumnAspect.COMMENT);
        }
        Optional<TextEnums.TextEnum> textEnum = alter.aspects().contains(ColumnAspect.TYPE)
                ? TextEnums.of(alter, currentTable(alter.table()), desired)
                : Optional.empty();
        if (textEnum.isPresent()) {
            boolean same = textEnum.get().sameValues();
            if (keepAspect(
                    Kept.Kind.TYPE,
                    alter.table(),
                    name,
                    from.type() + " vs " + to.type(),
                    same
                            ? "equivalent: the database's check allows exactly the enum's values, and its text type "
                                    + "holds every one"
                            : "the entities assert the enum's values, not a storage type: the database's text type "
                                    + "holds every one, and a check (planned) limits it to them")) {
                remaining.remove(ColumnAspect.TYPE);
                if (!same) {
                    added.add(new Change.AddCheck(alter.table(), textEnum.get().wanted()));
                }
            }
        } else if (alter.aspects().contains(ColumnAspect.TYPE)) {
            Optional<EnumTypeLabels.Fit> labels = EnumTypeLabels.fit(from.type(), to.type(), statesEnumType(alter));
            if (labels.isPresent() && labels.get() == EnumTypeLabels.Fit.MISSING) {
                // Only the labels the type lacks are added: PostgreSQL cannot drop or reorder one in place.
                to = EnumTypeLabels.onlyAdditions(from, to);
            } else if (labels.isPresent()
                    && (labels.get() == EnumTypeLabels.Fit.SAME
                            || keepAspect(
                                    Kept.Kind.TYPE,
                                    alter.table(),
                                    name,
                                    from.type() + " vs " + to.type(),
                                    "the database's enum type holds every value the entity writes, and more; "
                                            + "PostgreSQL cannot drop a label in place"))) {
                if (labels.get() == EnumTypeLabels.Fit.SAME) {
                    // Planning the order would loop: PostgreSQL has no statement that reorders labels.
                    kept.add(new Kept(
                            Kept.Kind.TYPE,
                            alter.table(),
                            name,
                            from.type() + " vs " + to.type(),
                            "equivalent: the database's enum type has exactly the enum's values; PostgreSQL keeps "
                                    + "labels in the order they were created"));
                }
                remaining.remove(ColumnAspect.TYPE);
            } else if (ordinalEnum(table, name, from.type(), to.type())) {
                kept.add(new Kept(
                        Kept.Kind.ORDINAL_TYPE,
                        alter.table(),
                        name,
                        from.type() + " vs " + to.type(),
                        "equivalent: every ordinal of the enum fits both types"));
                remaining.remove(ColumnAspect.TYPE);
            } else if (!definition
                    && silentlyNarrower(from.type(), to.type(), origin)
                    && keepAspect(
                            Kept.Kind.TYPE,
                            alter.table(),
                            name,
                            from.type() + " vs " + to.type(),
                            "the entity leaves the size at JPA's default; the wider database type keeps every value")) {
                remaining.remove(ColumnAspect.TYPE);
            } else if (!definition
                    && silentlyWider(from.type(), to.type(), origin)
                    && keepAspect(
                            Kept.Kind.TYPE,
                            alter.table(),
                            name,
                            from.type() + " vs " + to.type(),
                            "the entity leaves the length at JPA's default; the database's shorter type is what the "
                                    + "application runs with (write length on the attribute to widen it)")) {
                remaining.remove(ColumnAspect.TYPE);
            }
        }
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        if (remaining.equals(alter.aspects()) && to == alter.to()) {
            return Optional.of(alter);
        }
        Column narrowed = from.withOrigin(to.origin());
        for (ColumnAspect aspect : remaining) {
            narrowed = aspect.copy(to, narrowed);
        }
        return Optional.of(new Change.AlterColumn(alter.table(), from, narrowed, remaining));
    }

    /** The entity names a PostgreSQL enum type itself ({@code SqlTypes.NAMED_ENUM}), asserting its labels. */
    private boolean statesEnumType(Change.AlterColumn alter) {
        return desired.table(alter.table())
                .flatMap(t -> t.column(alter.to().name()))
                .flatMap(c -> EnumTypeLabels.typeName(c.type()))
                .isPresent();
    }

    private boolean keepAspect(Kept.Kind kind, String table, String column, String detail, String reason) {
        if (policy.followsEntities(kind)) {
            return false;
        }
        kept.add(new Kept(kind, table, column, detail, reason));
        return true;
    }

    /**
     * A string or binary the entity leaves at its default length, or a decimal at its default
     * precision and scale, where the database's type holds more.
     */
    private static boolean silentlyNarrower(ColumnType database, ColumnType entity, Origin origin) {
        Set<TypeKind> chars = EnumSet.of(TypeKind.VARCHAR, TypeKind.CLOB);
        Set<TypeKind> binaries = EnumSet.of(TypeKind.VARBINARY, TypeKind.BLOB);
        if ((entity.kind() == TypeKind.VARCHAR && chars.contains(database.kind()))
                || (entity.kind() == TypeKind.VARBINARY && binaries.contains(database.kind()))) {
            return !origin.declares(DeclaredAttribute.LENGTH) && capacity(database) > capacity(entity);
        }
        Set<TypeKind> temporal = EnumSet.of(TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_WITH_TIME_ZONE);
        if (temporal.contains(entity.kind())
                && entity.kind() == database.kind()
                && !origin.declares(DeclaredAttribute.PRECISION)) {
            // Fractional seconds: more digits in the database keep every value the entity writes.
            return database.precision().orElse(0) > entity.precision().orElse(0);
        }
        if (entity.kind() == TypeKind.DECIMAL
                && database.kind() == TypeKind.DECIMAL
                && !origin.declares(DeclaredAttribute.PRECISION)
                && !origin.declares(DeclaredAttribute.SCALE)) {
            long databaseDigits = database.precision().isEmpty()
                    ? Long.MAX_VALUE
                    : database.precision().getAsInt() - database.scale().orElse(0);
            long entityDigits = entity.precision().isEmpty()
                    ? Long.MAX_VALUE
                    : entity.precision().getAsInt() - entity.scale().orElse(0);
            return databaseDigits >= entityDigits
                    && database.scale().orElse(0) >= entity.scale().orElse(0);
        }
        return false;
    }

    /**
     * A string or binary the entity leaves at its default length where the database's type is
     * shorter: the entities do not ask for the default's 255, so the stricter database is kept.
     */
    private static boolean silentlyWider(ColumnType database, ColumnType entity, Origin origin) {
        boolean chars = entity.kind() == TypeKind.VARCHAR && database.kind() == TypeKind.VARCHAR;
        boolean binaries = entity.kind() == TypeKind.VARBINARY
                && (database.kind() == TypeKind.VARBINARY || database.kind() == TypeKind.BINARY);
        return (chars || binaries)
                && !origin.declares(DeclaredAttribute.LENGTH)
                && database.modifiers().equals(entity.modifiers())
                && capacity(database) < capacity(entity);
    }

    private static long capacity(ColumnType type) {
        return type.kind() == TypeKind.CLOB
                        || type.kind() == TypeKind.BLOB
                        || type.length().isEmpty()
                ? Long.MAX_VALUE
                : type.length().getAsInt();
    }

    /** An integer column of the entities whose range check (an ordinal enum) fits the database's wider integer. */
    private static boolean ordinalEnum(Table table, String column, ColumnType database, ColumnType entity) {
        List<TypeKind> integers = List.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
        if (!integers.contains(database.kind())
                || !integers.contains(entity.kind())
                || integers.indexOf(database.kind()) <= integers.indexOf(entity.kind())) {
            return false;
        }
        for (CheckConstraint check : table.checks()) {
            Matcher range = RANGE.matcher(check.expression().trim());
            if (range.matches()
                    && range.group(1).equalsIgnoreCase(column)
                    && range.group(3).equalsIgnoreCase(column)
                    && Long.parseLong(range.group(2)) >= 0
                    && Long.parseLong(range.group(4)) <= Byte.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    private Table currentTable(String name) {
        return current.table(name).orElse(Table.of(name, List.of()));
    }
}
