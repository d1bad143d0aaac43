package dev.concertina.entities.internal;

import dev.concertina.engine.model.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.DenormalizedTable;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

/**
 * Which entity class and attribute each table and column of the metamodel comes from, for
 * messages ({@code com.acme.Book#author}). Built by walking Hibernate's persistent classes and
 * collections; embedded attributes get dotted paths ({@code address.street}).
 */
final class Origins {

    private final Map<Table, Origin> tables = new IdentityHashMap<>();
    private final Map<Table, Map<String, Origin>> columns = new IdentityHashMap<>();

    Origins(Metadata metadata) {
        // Roots first: a SINGLE_TABLE hierarchy's table belongs to its root entity.
        List<PersistentClass> classes = new ArrayList<>(metadata.getEntityBindings());
        classes.sort(Comparator.comparingInt(
                        (PersistentClass pc) -> pc.getSuperclassClosure().size())
                .thenComparing(PersistentClass::getEntityName));
        for (PersistentClass pc : classes) {
            String cls = pc.getClassName() != null ? pc.getClassName() : pc.getEntityName();
            tables.putIfAbsent(pc.getTable(), Origin.entity(cls));
            if (pc.getIdentifierProperty() != null) {
                add(
                        pc.getTable(),
                        cls,
                        pc.getIdentifierProperty().getName(),
                        pc.getIdentifierProperty().getValue());
            } else if (pc.getIdentifier() != null) {
                add(pc.getTable(), cls, "id", pc.getIdentifier());
            }
            if (pc.getDiscriminator() != null) {
                add(pc.getTable(), cls, "", pc.getDiscriminator());
            }
            for (Property p : pc.getProperties()) {
                add(pc.getTable(), cls, p.getName(), p.getValue());
            }
            for (Join join : pc.getJoins()) {
                tables.putIfAbsent(join.getTable(), Origin.entity(cls));
                for (Property p : join.getProperties()) {
                    add(join.getTable(), cls, p.getName(), p.getValue());
                }
            }
        }
        for (Collection c : metadata.getCollectionBindings()) {
            String owner = c.getOwner() != null && c.getOwner().getClassName() != null
                    ? c.getOwner().getClassName()
                    : c.getOwnerEntityName();
            String attribute = c.getRole().startsWith(c.getOwnerEntityName() + ".")
                    ? c.getRole().substring(c.getOwnerEntityName().length() + 1)
                    : c.getRole();
            Table t = c.getCollectionTable();
            tables.putIfAbsent(t, Origin.attribute(owner, attribute));
            for (Selectable s : c.getKey().getSelectables()) {
                put(t, s, Origin.attribute(owner, attribute));
            }
            addCollectionPart(t, owner, attribute, c.getElement());
        }
    }

    private void addCollectionPart(Table t, String owner, String attribute, Value element) {
        if (element == null) {
            return;
        }
        if (element instanceof Component) {
            for (Property p : ((Component) element).getProperties()) {
                add(t, owner, attribute + "." + p.getName(), p.getValue());
            }
        } else {
            for (Selectable s : element.getSelectables()) {
                put(t, s, Origin.attribute(owner, attribute));
            }
        }
    }

    private void add(Table table, String cls, String path, Value value) {
        if (value instanceof Component) {
            for (Property p : ((Component) value).getProperties()) {
                add(table, cls, path.isEmpty() ? p.getName() : path + "." + p.getName(), p.getValue());
            }
            return;
        }
        if (value instanceof Collection) {
            return; // its own table, handled with the collections
        }
        Table own = value.getTable() != null ? value.getTable() : table;
        for (Selectable s : value.getSelectables()) {
            put(own, s, Origin.attribute(cls, path));
        }
    }

    private void put(Table t, Selectable s, Origin o) {
        if (s instanceof Column) {
            columns.computeIfAbsent(t, k -> new HashMap<>()).putIfAbsent(((Column) s).getCanonicalName(), o);
        }
    }

    Origin table(Table t) {
        Origin o = tables.get(t);
        if (o == null && t instanceof DenormalizedTable) {
            o = tables.get(((DenormalizedTable) t).getIncludedTable());
        }
        return o != null ? o : Origin.UNKNOWN;
    }

    Origin column(Table t, Column c) {
        for (Table k = t;
                k != null;
                k = k instanceof DenormalizedTable ? ((DenormalizedTable) k).getIncludedTable() : null) {
            Map<String, Origin> m = columns.get(k);
            if (m != null && m.containsKey(c.getCanonicalName())) {
                Origin o = m.get(c.getCanonicalName());
                // Inherited into a TABLE_PER_CLASS subclass table: name the subclass's table owner.
                return k == t ? o : Origin.attribute(table(t).source(), o.attribute());
            }
        }
        return table(t);
    }
}
