package dev.concertina.entities.internal;

import dev.concertina.engine.model.DeclaredAttribute;
import dev.concertina.engine.model.Origin;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which mapping attributes an entity attribute writes ({@code @Column(nullable = false)} writes
 * {@code nullable}; a bare {@code @Column} writes none), read from the class files' annotation data.
 * Reflection cannot tell: it fills in JPA's defaults. The differ keeps what the database has and the
 * entities do not write (docs/planner.md); an attribute that cannot be found counts as writing nothing,
 * which only ever keeps more.
 */
final class DeclaredAttributes {

    private static final String COLUMN = "Ljakarta/persistence/Column;";
    private static final String JOIN_COLUMN = "Ljakarta/persistence/JoinColumn;";
    private static final Set<String> OPTIONAL_CARRIERS =
            Set.of("Ljakarta/persistence/Basic;", "Ljakarta/persistence/ManyToOne;", "Ljakarta/persistence/OneToOne;");

    private final ClassLoader loader;
    private final Map<String, Optional<ClassAnnotations>> classes = new HashMap<>();

    DeclaredAttributes(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * {@code origin} with what its entity attribute writes; {@code columnDefinition} is true when the
     * metamodel column carries an explicit SQL type (Hibernate knows that one without the class file).
     */
    Origin declare(Origin origin, boolean columnDefinition) {
        if (!origin.fromEntity()) {
            return origin;
        }
        Set<DeclaredAttribute> declared = EnumSet.noneOf(DeclaredAttribute.class);
        if (columnDefinition) {
            declared.add(DeclaredAttribute.COLUMN_DEFINITION);
        }
        if (!origin.attribute().isEmpty()) {
            Map<String, Set<String>> annotations =
                    member(origin.source(), origin.attribute().split("\\."));
            declared.addAll(of(annotations));
        }
        return declared.isEmpty() ? origin : origin.withDeclared(declared);
    }

    /** The declared attributes of one member's annotations (annotation descriptor → element names written). */
    static Set<DeclaredAttribute> of(Map<String, Set<String>> annotations) {
        Set<DeclaredAttribute> out = EnumSet.noneOf(DeclaredAttribute.class);
        for (String type : new String[] {COLUMN, JOIN_COLUMN}) {
            Set<String> written = annotations.getOrDefault(type, Set.of());
            if (written.contains("nullable")) {
                out.add(DeclaredAttribute.NULLABLE);
            }
            if (written.contains("unique")) {
                out.add(DeclaredAttribute.UNIQUE);
            }
            if (written.contains("columnDefinition")) {
                out.add(DeclaredAttribute.COLUMN_DEFINITION);
            }
        }
        Set<String> column = annotations.getOrDefault(COLUMN, Set.of());
        if (column.contains("length")) {
            out.add(DeclaredAttribute.LENGTH);
        }
        if (column.contains("precision")) {
            out.add(DeclaredAttribute.PRECISION);
        }
        if (column.contains("scale")) {
            out.add(DeclaredAttribute.SCALE);
        }
        for (String carrier : OPTIONAL_CARRIERS) {
            if (annotations.getOrDefault(carrier, Set.of()).contains("optional")) {
                out.add(DeclaredAttribute.NULLABLE);
            }
        }
        return out;
    }

    /** The annotations on the attribute at {@code path} (field and getter together), following embedded types. */
    private Map<String, Set<String>> member(String className, String[] path) {
        String owner = className.replace('.', '/');
        for (int i = 0; i < path.length; i++) {
            Optional<Member> found = find(owner, path[i]);
            if (found.isEmpty()) {
                return Map.of();
            }
            if (i == path.length - 1) {
                return found.get().annotations();
            }
            String type = found.get().type();
            if (!type.startsWith("L")) {
                return Map.of();
            }
            owner = type.substring(1, type.length() - 1);
        }
        return Map.of();
    }

    /** The field or getter named {@code name} in {@code owner} or its superclasses (annotations of both merged). */
    private Optional<Member> find(String owner, String name) {
        String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String isGetter = "is" + getter.substring(3);
        for (String type = owner; type != null; ) {
            Optional<ClassAnnotations> c = classes.computeIfAbsent(type, this::read);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            Member field = c.get().fields().get(name);
            Member method =
                    c.get().methods().getOrDefault(getter, c.get().methods().get(isGetter));
            if (field != null || method != null) {
                Map<String, Set<String>> merged = new HashMap<>();
                for (Member m : new Member[] {field, method}) {
                    if (m != null) {
                        m.annotations()
                                .forEach((k, v) -> merged.computeIfAbsent(k, x -> new HashSet<>())
                                        .addAll(v));
                    }
                }
                String memberType = field != null ? field.type() : method.type();
                return Optional.of(new Member(memberType, merged));
            }
            type = c.get().superName();
        }
        return Optional.empty();
    }

    private Optional<ClassAnnotations> read(String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(ClassAnnotations.read(new DataInputStream(in)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: the attribute writes nothing we can see, so more is kept
        }
    }

    /** A field or method: its (return) type descriptor and its annotations with the element names written. */
    record Member(String type, Map<String, Set<String>> annotations) {}

    /** The annotation data of one class file (JVMS §4): fields and methods by name, and the superclass. */
    record ClassAnnotations(String superName, Map<String, Member> fields, Map<String, Member> methods) {

        static ClassAnnotations read(DataInputStream in) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Object[] pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> pool[i] = in.readUnsignedShort();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // a long or double takes two entries
                    }
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int superIndex = in.readUnsignedShort();
            String superName = superIndex == 0 ? null : (String) pool[(Integer) pool[superIndex]];
            in.skipBytes(2 * in.readUnsignedShort());
            Map<String, Member> fields = members(in, pool, false);
            Map<String, Member> methods = members(in, pool, true);
            return new ClassAnnotations(superName, fields, methods);
        }

        private static Map<String, Member> members(DataInputStream in, Object[] pool, boolean methods)
                throws IOException {
            Map<String, Member> out = new HashMap<>();
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.readUnsignedShort();
                String name = (String) pool[in.readUnsignedShort()];
                String descriptor = (String) pool[in.readUnsignedShort()];
                Map<String, Set<String>> annotations = new HashMap<>();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = (String) pool[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("RuntimeVisibleAnnotations")) {
                        int n = in.readUnsignedShort();
                        for (int k = 0; k < n; k++) {
                            annotation(in, pool, annotations);
                        }
                    } else {
                        in.skipBytes(length);
                    }
                }
                String type = methods ? descriptor.substring(descriptor.indexOf(')') + 1) : descriptor;
                // A getter has no parameters; overloads with parameters are not attributes.
                if (!methods || descriptor.startsWith("()")) {
                    out.put(name, new Member(type, annotations));
                }
            }
            return out;
        }

        /** One annotation: records its element names under its type; nested values are skipped. */
        private static void annotation(DataInputStream in, Object[] pool, Map<String, Set<String>> into)
                throws IOException {
            String type = (String) pool[in.readUnsignedShort()];
            Set<String> names = into == null ? null : into.computeIfAbsent(type, t -> new HashSet<>());
            int pairs = in.readUnsignedShort();
            for (int p = 0; p < pairs; p++) {
                String element = (String) pool[in.readUnsignedShort()];
                if (names != null) {
                    names.add(element);
                }
                value(in, pool);
            }
        }

        private static void value(DataInputStream in, Object[] pool) throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.readUnsignedShort();
                case 'e' -> in.readInt();
                case '@' -> annotation(in, pool, null);
                case '[' -> {
                    int n = in.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        value(in, pool);
                    }
                }
                default -> throw new IOException("annotation element tag " + (char) tag);
            }
        }
    }
}
