package dev.concertina.samples.identity;

import dev.concertina.annotations.RenamedFrom;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import jakarta.persistence.Entity;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two entity schemas, one dialect-neutral line per change, sorted: the
 * sample's own statement of its version steps, independent of the engine's differ. Names are
 * lower-cased so the same lines hold on H2 (upper case), PostgreSQL (lower) and MariaDB (as
 * written); types are the engine's neutral descriptions. An added or dropped table is one line
 * (its columns and constraints come with it). A dropped column and an added column of the same
 * table become one rename line when the newer model says so with {@link RenamedFrom}.
 */
final class SchemaChanges {

    /** A rename the newer model declares: {@code table.old} became {@code table.now}. */
    record Rename(String table, String old, String now) {}

    private SchemaChanges() {}

    static List<String> between(Schema from, Schema to, Set<Rename> renames) {
        List<String> out = new ArrayList<>();
        Map<String, Table> ft = byName(from.tables(), Table::name);
        Map<String, Table> tt = byName(to.tables(), Table::name);
        for (String name : union(ft.keySet(), tt.keySet())) {
            Table f = ft.get(name);
            Table t = tt.get(name);
            if (f == null) {
                out.add("add table " + name);
            } else if (t == null) {
                out.add("drop table " + name);
            } else {
                tableChanges(name, f, t, renames, out);
            }
        }
        Map<String, Sequence> fs = byName(from.sequences(), Sequence::name);
        Map<String, Sequence> ts = byName(to.sequences(), Sequence::name);
        for (String name : union(fs.keySet(), ts.keySet())) {
            if (!fs.containsKey(name)) out.add("add sequence " + name);
            else if (!ts.containsKey(name)) out.add("drop sequence " + name);
            else if (!fs.get(name).equals(ts.get(name))) out.add("alter sequence " + name);
        }
        return out.stream().sorted().toList();
    }

    private static void tableChanges(String table, Table f, Table t, Set<Rename> renames, List<String> out) {
        Map<String, Column> fc = byName(f.columns(), Column::name);
        Map<String, Column> tc = byName(t.columns(), Column::name);
        Set<String> dropped = new TreeSet<>(fc.keySet());
        dropped.removeAll(tc.keySet());
        Set<String> added = new TreeSet<>(tc.keySet());
        added.removeAll(fc.keySet());
        for (Rename r : renames) {
            if (r.table().equals(table) && dropped.contains(r.old()) && added.contains(r.now())) {
                out.add("rename column " + table + "." + r.old() + " to " + r.now());
                columnChanges(table + "." + r.now(), fc.get(r.old()), tc.get(r.now()), out);
                dropped.remove(r.old());
                added.remove(r.now());
            }
        }
        dropped.forEach(c -> out.add("drop column " + table + "." + c));
        for (String c : added) {
            Column col = tc.get(c);
            out.add("add column " + table + "." + c + " " + col.type().describe()
                    + (col.nullable() ? " null" : " not null") + (col.defaultValue().isPresent() ? " with default" : ""));
        }
        for (String c : fc.keySet()) {
            if (tc.containsKey(c)) columnChanges(table + "." + c, fc.get(c), tc.get(c), out);
        }
        String fpk = f.primaryKey().map(PrimaryKey::columns).map(SchemaChanges::lower).orElse("none");
        String tpk = t.primaryKey().map(PrimaryKey::columns).map(SchemaChanges::lower).orElse("none");
        if (!fpk.equals(tpk)) out.add("alter primary key " + table + " " + fpk + " to " + tpk);
        elements(table, "unique", f.uniques(), t.uniques(), u -> u.name() + " " + lower(u.columns()), out);
        elements(table, "index", f.indexes(), t.indexes(),
                i -> i.name() + " " + lower(i.columns()) + (i.unique() ? " unique" : ""), out);
        elements(table, "foreign key", f.foreignKeys(), t.foreignKeys(),
                k -> k.name() + " " + lower(k.columns()) + " references " + k.referencedTable() + " " + lower(k.referencedColumns()), out);
        elements(table, "check", f.checks(), t.checks(), CheckConstraint::expression, out);
    }

    private static void columnChanges(String where, Column f, Column t, List<String> out) {
        if (!f.type().sameAs(t.type())) out.add("alter column " + where + " type " + f.type().describe() + " to " + t.type().describe());
        if (f.nullable() != t.nullable()) out.add("alter column " + where + (t.nullable() ? " drop not null" : " set not null"));
        if (!f.defaultValue().equals(t.defaultValue())) out.add("alter column " + where + " default");
        if (f.identity() != t.identity()) out.add("alter column " + where + " identity");
        if (!f.comment().equals(t.comment())) out.add("alter column " + where + " comment");
    }

    private static <T> void elements(String table, String kind, List<T> from, List<T> to, Function<T, String> key, List<String> out) {
        Set<String> f = new TreeSet<>(from.stream().map(key).map(SchemaChanges::lowerName).toList());
        Set<String> t = new TreeSet<>(to.stream().map(key).map(SchemaChanges::lowerName).toList());
        for (String k : f) if (!t.contains(k)) out.add("drop " + kind + " " + table + "." + k);
        for (String k : t) if (!f.contains(k)) out.add("add " + kind + " " + table + "." + k);
    }

    /** The renames a model declares with {@code @RenamedFrom} on entity fields, names lower-cased. */
    static Set<Rename> declaredRenames(List<Class<?>> classes) {
        Set<Rename> out = new java.util.HashSet<>();
        for (Class<?> c : classes) {
            if (!c.isAnnotationPresent(Entity.class)) continue;
            String table = unquote(c.getAnnotation(jakarta.persistence.Table.class).name());
            for (Field field : c.getDeclaredFields()) {
                RenamedFrom r = field.getAnnotation(RenamedFrom.class);
                if (r != null) {
                    jakarta.persistence.Column col = field.getAnnotation(jakarta.persistence.Column.class);
                    if (col == null || col.name().isEmpty()) {
                        throw new IllegalStateException(c.getName() + "#" + field.getName() + ": the sample names every renamed column explicitly");
                    }
                    out.add(new Rename(lowerName(table), lowerName(r.value()), lowerName(col.name())));
                }
            }
        }
        return out;
    }

    private static String unquote(String name) {
        return name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    private static String lower(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(SchemaChanges::lowerName).toList()) + ")";
    }

    private static String lowerName(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> m = new TreeMap<>();
        for (T item : items) m.put(lowerName(name.apply(item)), item);
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

}
