package dev.concertina.engine.plan;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a column type change relates old and new values. Documented in {@code docs/planner.md}
 * (which changes widen, which narrow, which casts are offered by default, which rewrite tables).
 */
public enum TypeChange {
    /** Same type. */
    SAME,
    /** Every old value is a valid new value, unchanged: done in place, in expand. */
    WIDEN,
    /** Same family, smaller: done in place, in contract, after checking existing rows fit. */
    NARROW,
    /** Different families: needs a conversion. */
    INCOMPATIBLE;

    private static final List<TypeKind> INTEGERS =
            List.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
    /** Decimal digits needed to hold every value of each integer kind. */
    private static final Map<TypeKind, Integer> INTEGER_DIGITS =
            Map.of(TypeKind.TINYINT, 3, TypeKind.SMALLINT, 5, TypeKind.INTEGER, 10, TypeKind.BIGINT, 19);

    private static final Set<TypeKind> CHARS = EnumSet.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.CLOB);
    private static final Set<TypeKind> BINARIES = EnumSet.of(TypeKind.BINARY, TypeKind.VARBINARY, TypeKind.BLOB);
    private static final Set<TypeKind> TEMPORAL = EnumSet.of(
            TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIME_WITH_TIME_ZONE, TypeKind.TIMESTAMP_WITH_TIME_ZONE);
    /** Fractional-second digits assumed when a temporal type declares none. */
    private static final int DEFAULT_FRACTION = 6;

    /** Classifies the change from {@code from} to {@code to}. */
    public static TypeChange of(ColumnType from, ColumnType to) {
        if (from.sameAs(to)) {
            return SAME;
        }
        TypeKind a = from.kind();
        TypeKind b = to.kind();
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) > INTEGERS.indexOf(a) ? WIDEN : NARROW;
        }
        if (INTEGERS.contains(a) && b == TypeKind.DECIMAL) {
            return integerDigits(to) >= INTEGER_DIGITS.get(a) ? WIDEN : NARROW;
        }
        if (a == TypeKind.DECIMAL && INTEGERS.contains(b)) {
            return NARROW;
        }
        if (a == TypeKind.DECIMAL && b == TypeKind.DECIMAL) {
            long ia = integerDigits(from);
            long ib = integerDigits(to);
            int sa = from.scale().orElse(0);
            int sb = to.scale().orElse(0);
            return ib >= ia && sb >= sa ? WIDEN : NARROW;
        }
        if (a == TypeKind.REAL && b == TypeKind.DOUBLE) {
            return WIDEN;
        }
        if (a == TypeKind.DOUBLE && b == TypeKind.REAL) {
            return NARROW;
        }
        if ((CHARS.contains(a) && CHARS.contains(b)) || (BINARIES.contains(a) && BINARIES.contains(b))) {
            // CHAR pads with spaces: moving into a fixed-width type changes values, so it narrows.
            boolean intoFixed = (b == TypeKind.CHAR || b == TypeKind.BINARY) && a != b;
            return !intoFixed && capacity(to) >= capacity(from) ? WIDEN : NARROW;
        }
        if (a == TypeKind.TIMESTAMP_WITH_TIME_ZONE && b == TypeKind.TIMESTAMP) {
            // Each instant becomes the session time zone's wall-clock time: a narrowing, pre-checked by
            // casting back (docs/planner.md, "Narrowing").
            return NARROW;
        }
        if (TEMPORAL.contains(a) && a == b) {
            return to.precision().orElse(DEFAULT_FRACTION) >= from.precision().orElse(DEFAULT_FRACTION)
                    ? WIDEN
                    : NARROW;
        }
        if (a == TypeKind.ENUM && b == TypeKind.ENUM) {
            Set<String> va = new HashSet<>(from.enumValues());
            Set<String> vb = new HashSet<>(to.enumValues());
            if (vb.containsAll(va)) {
                return WIDEN;
            }
            return va.containsAll(vb) ? NARROW : INCOMPATIBLE;
        }
        return INCOMPATIBLE;
    }

    /**
     * The dialects whose ALTER of the column type from {@code from} to {@code to} in place copies or
     * rewrites the table (for WIDEN and NARROW; an INCOMPATIBLE conversion rewrites everywhere).
     *
     * <ul>
     *   <li>PostgreSQL avoids the rewrite when the new type is binary-coercible and only loosens a
     *       limit: VARCHAR length up or to TEXT, NUMERIC precision up with the same scale, TIME /
     *       TIMESTAMP precision up (PostgreSQL 9.2 release notes, "ALTER TABLE ... ALTER COLUMN TYPE").</li>
     *   <li>MariaDB/MySQL change in place only for a VARCHAR that grows without crossing 255 bytes of
     *       length prefix (63 characters in utf8mb4) and an ENUM with values appended at the end;
     *       anything else is ALGORITHM=COPY (MariaDB "InnoDB Online DDL Operations with ALTER COLUMN").</li>
     *   <li>H2 copies the table data for every column type change.</li>
     * </ul>
     */
    public static Set<Dialect> rewritesOn(ColumnType from, ColumnType to) {
        Set<Dialect> out = EnumSet.of(Dialect.H2);
        TypeChange change = of(from, to);
        boolean pgInPlace = change == WIDEN
                        && ((from.kind() == TypeKind.VARCHAR
                                        && (to.kind() == TypeKind.VARCHAR || to.kind() == TypeKind.CLOB))
                                || (from.kind() == TypeKind.DECIMAL
                                        && to.kind() == TypeKind.DECIMAL
                                        && from.scale().equals(to.scale()))
                                || (TEMPORAL.contains(from.kind()) && from.kind() == to.kind()))
                // PostgreSQL's ENUM is a varchar with a check: new values swap the check, no rewrite.
                || (from.kind() == TypeKind.ENUM && to.kind() == TypeKind.ENUM);
        if (!pgInPlace) {
            out.add(Dialect.POSTGRES);
        }
        boolean myInPlace = change == WIDEN
                && ((from.kind() == TypeKind.VARCHAR
                                && to.kind() == TypeKind.VARCHAR
                                && from.length().isPresent()
                                && to.length().isPresent()
                                && (from.length().getAsInt() <= 63)
                                        == (to.length().getAsInt() <= 63))
                        || (from.kind() == TypeKind.ENUM
                                && to.kind() == TypeKind.ENUM
                                && to.enumValues()
                                        .subList(
                                                0,
                                                Math.min(
                                                        from.enumValues().size(),
                                                        to.enumValues().size()))
                                        .equals(from.enumValues())));
        if (!myInPlace) {
            out.add(Dialect.MARIADB);
            out.add(Dialect.MYSQL);
        }
        return out;
    }

    /**
     * The conversion Concertina uses when no hint gives one: identity for the same type; casts both
     * ways for a widening or narrowing in one family; for a kind change, only where every old value
     * survives old → new → old unchanged (see docs/planner.md); one-way for DATE → TIMESTAMP.
     */
    public static Optional<ColumnConversion> defaultConversion(Column from, Column to) {
        Expr oldRef = new Expr.ColumnRef(from.name());
        Expr newRef = new Expr.ColumnRef(to.name());
        ColumnType a = from.type();
        ColumnType b = to.type();
        switch (of(a, b)) {
            case SAME:
                return Optional.of(new ColumnConversion(oldRef, Optional.of(newRef), false, false, "identity"));
            case WIDEN:
                return Optional.of(new ColumnConversion(
                        new Expr.Cast(oldRef, b), Optional.of(new Expr.Cast(newRef, a)), false, true, "default cast"));
            case NARROW:
                return Optional.of(new ColumnConversion(
                        new Expr.Cast(oldRef, b), Optional.of(new Expr.Cast(newRef, a)), true, false, "default cast"));
            default:
                break;
        }
        OptionalInt needed = textLength(a);
        if (CHARS.contains(b.kind())
                && b.kind() != TypeKind.CHAR
                && needed.isPresent()
                && capacity(b) >= needed.getAsInt()) {
            return Optional.of(new ColumnConversion(
                    new Expr.Cast(oldRef, b), Optional.of(new Expr.Cast(newRef, a)), false, true, "default cast"));
        }
        if (a.kind() == TypeKind.DATE
                && (b.kind() == TypeKind.TIMESTAMP || b.kind() == TypeKind.TIMESTAMP_WITH_TIME_ZONE)) {
            return Optional.of(
                    new ColumnConversion(new Expr.Cast(oldRef, b), Optional.empty(), false, false, "default cast"));
        }
        return Optional.empty();
    }

    /** Characters needed to write every value of {@code t} as text; empty when it is not offered. */
    private static OptionalInt textLength(ColumnType t) {
        switch (t.kind()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return OptionalInt.of(INTEGER_DIGITS.get(t.kind()) + 1);
            case DECIMAL:
                return t.precision().isPresent()
                        ? OptionalInt.of(t.precision().getAsInt() + 2)
                        : OptionalInt.of(Integer.MAX_VALUE);
            case BOOLEAN:
                return OptionalInt.of(5);
            case DATE:
                return OptionalInt.of(10);
            case TIME:
                return OptionalInt.of(9 + t.precision().orElse(DEFAULT_FRACTION));
            case TIMESTAMP:
                return OptionalInt.of(20 + t.precision().orElse(DEFAULT_FRACTION));
            case UUID:
                return OptionalInt.of(36);
            case ENUM:
                return OptionalInt.of(
                        t.enumValues().stream().mapToInt(String::length).max().orElse(0));
            default:
                return OptionalInt.empty();
        }
    }

    private static long integerDigits(ColumnType decimal) {
        if (decimal.precision().isEmpty()) {
            return Long.MAX_VALUE;
        }
        return decimal.precision().getAsInt() - decimal.scale().orElse(0);
    }

    /** Characters or bytes a string or binary type holds; unbounded types hold everything. */
    private static long capacity(ColumnType t) {
        if (t.kind() == TypeKind.CLOB || t.kind() == TypeKind.BLOB || t.length().isEmpty()) {
            return Long.MAX_VALUE;
        }
        return t.length().getAsInt();
    }
}
