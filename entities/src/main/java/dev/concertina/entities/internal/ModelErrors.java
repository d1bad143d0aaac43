package dev.concertina.entities.internal;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;

/**
 * Turns Hibernate's mapping failures into one-line {@link ConcertinaException}s that name the entity
 * class and attribute: {@code com.acme.Book#owner: Association 'com.acme.Book.owner' targets …}.
 *
 * <p>Hibernate names the place in its messages in several ways: {@code 'Class.attribute'}
 * (associations, properties, collections), {@code 'Class'} (entity-level problems), or only a Java
 * type ({@code Could not determine recommended JdbcType for Java type 'com.acme.Money'}), in which
 * case the model classes are searched for the attribute of that type.
 */
public final class ModelErrors {

    private static final Pattern QUOTED = Pattern.compile("'([\\w.$]+)'");
    private static final Pattern DUPLICATE_COLUMN =
            Pattern.compile("Column '([^']+)' is duplicated in mapping for entity '([\\w.$]+)'");
    private static final Pattern JAVA_TYPE = Pattern.compile("Java type '([\\w.$<>, \\[\\]]+)'");

    private ModelErrors() {}

    public static ConcertinaException describe(Throwable failure, Collection<Class<?>> modelClasses) {
        return describe(failure, modelClasses, null);
    }

    /**
     * As {@link #describe(Throwable, Collection)}, with the metamodel when it was built (validation
     * failures): then a duplicated column is traced to the attribute that repeats it.
     */
    public static ConcertinaException describe(
            Throwable failure, Collection<Class<?>> modelClasses, Metadata metadata) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof ConcertinaException) {
                return (ConcertinaException) t;
            }
        }
        // The innermost message with a place in it is the most precise one.
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = oneLine(chain.get(i));
            Matcher dup = DUPLICATE_COLUMN.matcher(message);
            if (metadata != null && dup.find()) {
                List<String> users = attributesMapping(metadata, dup.group(2), dup.group(1));
                if (users.size() >= 2) {
                    return new ConcertinaException(
                            ErrorCode.MODEL,
                            dup.group(2) + "#" + users.get(0) + ": " + message + " (attributes mapping it: "
                                    + String.join(", ", users) + ")",
                            failure);
                }
            }
            Optional<String> place = place(message, modelClasses);
            if (place.isPresent()) {
                return new ConcertinaException(ErrorCode.MODEL, place.get() + ": " + message, failure);
            }
        }
        return new ConcertinaException(
                ErrorCode.MODEL, "entity model: " + oneLine(chain.get(chain.size() - 1)), failure);
    }

    /** The attributes of {@code entity} mapped to {@code column}. */
    private static List<String> attributesMapping(Metadata metadata, String entity, String column) {
        PersistentClass pc = metadata.getEntityBinding(entity);
        if (pc == null) {
            return List.of();
        }
        List<String> users = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        if (pc.getIdentifierProperty() != null) properties.add(pc.getIdentifierProperty());
        properties.addAll(pc.getPropertyClosure());
        for (Property p : properties) {
            for (Selectable s : p.getValue().getSelectables()) {
                if (s instanceof org.hibernate.mapping.Column
                        && Identifier.toIdentifier(((org.hibernate.mapping.Column) s).getName())
                                .getText()
                                .equalsIgnoreCase(
                                        Identifier.toIdentifier(column).getText())) {
                    users.add(p.getName());
                }
            }
        }
        return users;
    }

    static Optional<String> place(String message, Collection<Class<?>> modelClasses) {
        Matcher m = QUOTED.matcher(message);
        String classOnly = null;
        while (m.find()) {
            String token = m.group(1);
            for (Class<?> c : modelClasses) {
                String name = c.getName();
                if (token.equals(name) && classOnly == null) {
                    classOnly = name;
                } else if (token.startsWith(name + ".")
                        && !isClassName(token.substring(name.length() + 1), modelClasses, name)) {
                    return Optional.of(name + "#" + token.substring(name.length() + 1));
                }
            }
        }
        Matcher j = JAVA_TYPE.matcher(message);
        if (j.find()) {
            String type = j.group(1);
            for (Class<?> c : modelClasses) {
                Optional<String> attribute = attributeOfType(c, type);
                if (attribute.isPresent()) {
                    return Optional.of(c.getName() + "#" + attribute.get());
                }
            }
        }
        return Optional.ofNullable(classOnly);
    }

    private static boolean isClassName(String rest, Collection<Class<?>> modelClasses, String outer) {
        // 'com.acme.Book.Status' is a nested type, not an attribute.
        return !rest.isEmpty()
                && Character.isUpperCase(rest.charAt(0))
                && modelClasses.stream().anyMatch(c -> c.getName().equals(outer + "$" + rest));
    }

    private static Optional<String> attributeOfType(Class<?> c, String typeName) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (mentions(f.getGenericType(), typeName)) {
                    return Optional.of(f.getName());
                }
            }
            for (Method m : k.getDeclaredMethods()) {
                if (m.getParameterCount() == 0
                        && m.getName().startsWith("get")
                        && m.getName().length() > 3
                        && mentions(m.getGenericReturnType(), typeName)) {
                    String n = m.getName().substring(3);
                    return Optional.of(n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(Type t, String typeName) {
        if (t instanceof Class<?>) {
            Class<?> k = (Class<?>) t;
            return k.getName().equals(typeName)
                    || k.getTypeName().equals(typeName)
                    || (k.isArray() && mentions(k.getComponentType(), typeName));
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            if (t.getTypeName().equals(typeName) || mentions(p.getRawType(), typeName)) {
                return true;
            }
            for (Type a : p.getActualTypeArguments()) {
                if (mentions(a, typeName)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
