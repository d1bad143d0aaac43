package dev.concertina.entities.internal;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.Origin;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Table;
import dev.concertina.rules.ColumnRename;
import dev.concertina.rules.Hints;
import dev.concertina.rules.Name;
import dev.concertina.rules.TableRename;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rename hints of {@code @RenamedFrom} ({@value #ANNOTATION}) on entity classes (table renames)
 * and on fields or getters (column renames). The annotation is found by its name, not its class,
 * so entities compiled against any copy of the annotations jar (or a class of the same name of
 * their own) are read, and this module needs no dependency on it.
 *
 * <p>The new name of each hint is the table or column the annotated element maps to in the schema
 * just read (after the naming strategy and the database's case folding), found through the
 * {@link Origin} every model element carries. Names match in any case, as rules-file hints written
 * without quotes do.
 */
public final class RenamedFromReader {

    /** The annotation's fully qualified name. */
    public static final String ANNOTATION = "dev.concertina.annotations.RenamedFrom";

    private RenamedFromReader() {}

    /** The hints of the annotations on the classes of {@code schema}, loaded through {@code loader}. */
    public static Hints read(Schema schema, ClassLoader loader) {
        Set<ColumnRename> columns = new LinkedHashSet<>();
        Set<TableRename> tables = new LinkedHashSet<>();
        for (Table t : schema.tables()) {
            Origin to = t.origin();
            if (!to.source().isEmpty() && to.attribute().isEmpty()) {
                Optional<Class<?>> cls = load(to.source(), loader);
                if (cls.isPresent()) {
                    value(cls.get())
                            .ifPresent(old ->
                                    tables.add(new TableRename(Name.of(old), Name.of(t.name()), origin(to.source()))));
                }
            }
            for (Column c : t.columns()) {
                Origin o = c.origin();
                if (o.source().isEmpty() || o.attribute().isEmpty()) {
                    continue;
                }
                Optional<Class<?>> cls = load(o.source(), loader);
                if (cls.isEmpty()) {
                    continue;
                }
                Optional<AnnotatedElement> element = attribute(cls.get(), o.attribute());
                if (element.isEmpty()) {
                    continue;
                }
                Optional<String> old = value(element.get());
                if (old.isPresent()) {
                    if (old.get().equalsIgnoreCase(c.name())) {
                        throw new ConcertinaException(
                                ErrorCode.MODEL,
                                o + ": @RenamedFrom(\"" + old.get() + "\") names the column's current name \""
                                        + c.name() + "\"; give its previous name, or remove the annotation");
                    }
                    columns.add(new ColumnRename(
                            Name.of(t.name()), Name.of(old.get()), Name.of(c.name()), origin(o.toString())));
                }
            }
        }
        return new Hints(List.copyOf(columns), List.copyOf(tables), List.of(), List.of());
    }

    private static dev.concertina.rules.Origin origin(String where) {
        return new dev.concertina.rules.Origin("@RenamedFrom on " + where, 0, 0);
    }

    private static Optional<Class<?>> load(String name, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // dynamic entities (map-mode) have no class to annotate
        }
    }

    /**
     * The field or getter of a (possibly dotted, for embedded attributes) attribute path, looked up
     * in the class and its superclasses ({@code @MappedSuperclass} fields).
     */
    static Optional<AnnotatedElement> attribute(Class<?> owner, String path) {
        Class<?> type = owner;
        AnnotatedElement found = null;
        for (String part : path.split("\\.")) {
            if (type == null) {
                return Optional.empty();
            }
            Optional<Field> f = field(type, part);
            Optional<Method> g = getter(type, part);
            // The annotation may sit on either: prefer the one that carries it.
            if (f.isPresent()
                    && (value(f.get()).isPresent()
                            || g.isEmpty()
                            || value(g.get()).isEmpty())) {
                found = f.get();
                type = f.get().getType();
            } else if (g.isPresent()) {
                found = g.get();
                type = g.get().getReturnType();
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Field> field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Method> getter(Class<?> type, String property) {
        List<String> names = new ArrayList<>();
        String cap = property.isEmpty() ? property : Character.toUpperCase(property.charAt(0)) + property.substring(1);
        names.add("get" + cap);
        names.add("is" + cap);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && names.contains(m.getName())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** The annotation's value, found by the annotation's name. */
    static Optional<String> value(AnnotatedElement element) {
        for (Annotation a : element.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(ANNOTATION)) {
                try {
                    Method value = a.annotationType().getMethod("value");
                    Object v = value.invoke(a);
                    if (v instanceof String s && !s.isBlank()) {
                        return Optional.of(s.strip());
                    }
                    throw new ConcertinaException(ErrorCode.MODEL, element + ": @RenamedFrom needs the previous name");
                } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                    throw new ConcertinaException(ErrorCode.MODEL, element + ": cannot read @RenamedFrom: " + e, e);
                }
            }
        }
        return Optional.empty();
    }
}
