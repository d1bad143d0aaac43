package dev.concertina.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A structural comparison of two schemas, for tests on both reader sides (the exactness oracle).
 * Not the differ: it only says, one readable line per difference, where two schemas disagree.
 *
 * <p>Tables and sequences are matched by name; columns by name (order ignored) and compared on
 * type ({@link ColumnType#sameAs}), nullability, default, identity, comment and the
 * {@link ColumnDetails} the expected side states; primary keys on
 * their column lists; uniques, indexes and foreign keys by name when both names are non-empty,
 * otherwise by column list (indexes by their whole key: expressions, predicate, method, INCLUDE,
 * and the order where the expected side states one); deferrability where the expected side states it; checks by name when
 * both are named, otherwise by expression. Origins, raw type names, triggers, dependents and notes
 * are ignored.
 */
public final class SchemaDifferences {

    private SchemaDifferences() {}

    /** Every difference between {@code expected} and {@code actual}; empty when they agree. */
    public static List<String> between(Schema expected, Schema actual) {
        List<String> out = new ArrayList<>();
        Map<String, Table> et = byName(expected.tables(), Table::name);
        Map<String, Table> at = byName(actual.tables(), Table::name);
        for (String name : union(et.keySet(), at.keySet())) {
            Table e = et.get(name);
            Table a = at.get(name);
            String where = "table " + q(name);
            if (a == null) {
                out.add(where + ": expected, not found");
            } else if (e == null) {
                out.add(where + ": not expected, found");
            } else {
                compareTables(where, e, a, out);
            }
        }
        Map<String, Sequence> es = byName(expected.sequences(), Sequence::name);
        Map<String, Sequence> as = byName(actual.sequences(), Sequence::name);
        for (String name : union(es.keySet(), as.keySet())) {
            Sequence e = es.get(name);
            Sequence a = as.get(name);
            String where = "sequence " + q(name);
            if (a == null) {
                out.add(where + ": expected, not found");
            } else if (e == null) {
                out.add(where + ": not expected, found");
            } else {
                if (e.start() != a.start())
                    out.add(where + ": start " + e.start() + " expected, " + a.start() + " found");
                if (e.increment() != a.increment())
                    out.add(where + ": increment " + e.increment() + " expected, " + a.increment() + " found");
            }
        }
        return List.copyOf(out);
    }

    private static void compareTables(String where, Table e, Table a, List<String> out) {
        Map<String, Column> ec = byName(e.columns(), Column::name);
        Map<String, Column> ac = byName(a.columns(), Column::name);
        for (String name : union(ec.keySet(), ac.keySet())) {
            Column x = ec.get(name);
            Column y = ac.get(name);
            String cw = where + ": column " + q(name);
            if (y == null) {
                out.add(cw + ": expected, not found");
            } else if (x == null) {
                out.add(cw + ": not expected, found");
            } else {
                if (!x.type().sameAs(y.type()))
                    out.add(cw + ": type " + x.type().describe() + " expected, "
                            + y.type().describe() + " found");
                if (x.nullable() != y.nullable())
                    out.add(cw + ": " + nullability(x.nullable()) + " expected, " + nullability(y.nullable())
                            + " found");
                if (!x.defaultValue().equals(y.defaultValue()))
                    out.add(cw + ": default " + opt(x.defaultValue()) + " expected, " + opt(y.defaultValue())
                            + " found");
                if (x.identity() != y.identity())
                    out.add(cw + ": " + identity(x.identity()) + " expected, " + identity(y.identity()) + " found");
                if (!x.comment().equals(y.comment()))
                    out.add(cw + ": comment " + opt(x.comment()) + " expected, " + opt(y.comment()) + " found");
                ColumnDetails stated = y.details().statedOver(x.details());
                if (!stated.equals(y.details())) {
                    out.add(cw + ": " + or(stated.describe(), "nothing more") + " expected, "
                            + or(y.details().describe(), "nothing more") + " found");
                }
            }
        }
        if (!e.comment().equals(a.comment()))
            out.add(where + ": comment " + opt(e.comment()) + " expected, " + opt(a.comment()) + " found");
        Optional<List<String>> epk = e.primaryKey().map(PrimaryKey::columns);
        Optional<List<String>> apk = a.primaryKey().map(PrimaryKey::columns);
        if (!epk.equals(apk)) {
            out.add(where + ": primary key " + epk.map(SchemaDifferences::cols).orElse("none") + " expected, "
                    + apk.map(SchemaDifferences::cols).orElse("none") + " found");
        }
        matchConstraints(
                where,
                "unique",
                e.uniques(),
                a.uniques(),
                UniqueConstraint::name,
                u -> cols(u.columns()),
                (x, y, w) -> {
                    if (!x.columns().equals(y.columns()))
                        out.add(w + ": columns " + cols(x.columns()) + " expected, " + cols(y.columns()) + " found");
                    if (!x.deferrable().isEmpty() && !x.deferrable().equals(y.deferrable())) {
                        out.add(w + ": " + x.deferrable() + " expected, " + or(y.deferrable(), "not deferrable")
                                + " found");
                    }
                },
                out);
        matchConstraints(
                where,
                "index",
                e.indexes(),
                a.indexes(),
                Index::name,
                i -> i.withDetails(new IndexDetails(
                                List.of(),
                                i.details().expressions(),
                                i.details().predicate(),
                                i.details().method(),
                                i.details().include()))
                        .describeKey(),
                (x, y, w) -> {
                    if (!x.columns().equals(y.columns()))
                        out.add(w + ": columns " + cols(x.columns()) + " expected, " + cols(y.columns()) + " found");
                    if (x.unique() != y.unique())
                        out.add(w + ": " + (x.unique() ? "unique" : "non-unique") + " expected, "
                                + (y.unique() ? "unique" : "non-unique") + " found");
                    if (!y.details().matches(x.details()))
                        out.add(w + ": " + x.describeKey() + " expected, " + y.describeKey() + " found");
                },
                out);
        matchConstraints(
                where,
                "foreign key",
                e.foreignKeys(),
                a.foreignKeys(),
                ForeignKey::name,
                f -> cols(f.columns()),
                (x, y, w) -> {
                    if (!x.columns().equals(y.columns()))
                        out.add(w + ": columns " + cols(x.columns()) + " expected, " + cols(y.columns()) + " found");
                    String xr = q(x.referencedTable()) + cols(x.referencedColumns());
                    String yr = q(y.referencedTable()) + cols(y.referencedColumns());
                    if (!xr.equals(yr)) out.add(w + ": references " + xr + " expected, " + yr + " found");
                    if (x.onDelete() != y.onDelete())
                        out.add(w + ": on delete " + x.onDelete() + " expected, " + y.onDelete() + " found");
                    if (x.onUpdate() != y.onUpdate())
                        out.add(w + ": on update " + x.onUpdate() + " expected, " + y.onUpdate() + " found");
                    if (!x.deferrable().isEmpty() && !x.deferrable().equals(y.deferrable())) {
                        out.add(w + ": " + x.deferrable() + " expected, " + or(y.deferrable(), "not deferrable")
                                + " found");
                    }
                },
                out);
        matchConstraints(
                where,
                "check",
                e.checks(),
                a.checks(),
                CheckConstraint::name,
                CheckConstraint::expression,
                (x, y, w) -> {
                    if (!x.expression().equals(y.expression()))
                        out.add(w + ": expression " + x.expression() + " expected, " + y.expression() + " found");
                },
                out);
    }

    private interface Detail<T> {
        void compare(T expected, T actual, String where);
    }

    /**
     * Pairs named elements by name (both names non-empty), then the rest by key (column list or
     * expression) where at least one of the two is unnamed; whatever stays unpaired is reported.
     */
    private static <T> void matchConstraints(
            String where,
            String kind,
            List<T> expected,
            List<T> actual,
            Function<T, String> name,
            Function<T, String> key,
            Detail<T> detail,
            List<String> out) {
        List<T> restE = new ArrayList<>(expected);
        List<T> restA = new ArrayList<>(actual);
        for (T e : expected) {
            String n = name.apply(e);
            if (n.isEmpty()) continue;
            Optional<T> a = restA.stream().filter(x -> name.apply(x).equals(n)).findFirst();
            if (a.isPresent()) {
                restE.remove(e);
                restA.remove(a.get());
                detail.compare(e, a.get(), where + ": " + kind + " " + q(n));
            }
        }
        for (T e : List.copyOf(restE)) {
            String k = key.apply(e);
            boolean eNamed = !name.apply(e).isEmpty();
            Optional<T> a = restA.stream()
                    .filter(x -> !(eNamed && !name.apply(x).isEmpty()))
                    .filter(x -> key.apply(x).equals(k))
                    .findFirst();
            if (a.isPresent()) {
                restE.remove(e);
                restA.remove(a.get());
                detail.compare(e, a.get(), where + ": " + kind + " " + label(name.apply(e), k));
            }
        }
        for (T e : restE)
            out.add(where + ": " + kind + " " + label(name.apply(e), key.apply(e)) + ": expected, not found");
        for (T a : restA)
            out.add(where + ": " + kind + " " + label(name.apply(a), key.apply(a)) + ": not expected, found");
    }

    private static String label(String name, String key) {
        return name.isEmpty() ? key : q(name) + " " + key;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> m = new TreeMap<>();
        for (T t : items) m.putIfAbsent(name.apply(t), t);
        return m;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    private static String q(String name) {
        return '"' + name + '"';
    }

    private static String cols(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    private static String opt(Optional<String> v) {
        return v.map(s -> "[" + s + "]").orElse("none");
    }

    private static String or(String s, String otherwise) {
        return s.isEmpty() ? otherwise : s;
    }

    private static String nullability(boolean nullable) {
        return nullable ? "nullable" : "not null";
    }

    private static String identity(boolean identity) {
        return identity ? "identity" : "not identity";
    }
}
