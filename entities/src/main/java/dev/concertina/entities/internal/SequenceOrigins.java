package dev.concertina.entities.internal;

import dev.concertina.engine.model.Origin;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.SequenceGenerators;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;

/** Which entity (and id attribute) each sequence belongs to, for messages: from the generator annotations and Hibernate's default names. */
final class SequenceOrigins {

    private SequenceOrigins() {}

    /** Lower-cased sequence name → the entity (and id attribute) whose generator uses it. */
    static Map<String, Origin> of(java.util.Collection<Class<?>> classes, Metadata metadata) {
        Map<String, Origin> out = new HashMap<>();
        for (Class<?> c : classes) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                generators(k, c.getName(), "", out);
                for (Field f : k.getDeclaredFields()) generators(f, c.getName(), f.getName(), out);
                for (Method m : k.getDeclaredMethods()) generators(m, c.getName(), m.getName(), out);
            }
        }
        // Hibernate's default for @GeneratedValue(SEQUENCE/AUTO) without a generator: <entity table>_SEQ.
        for (org.hibernate.mapping.PersistentClass pc : metadata.getEntityBindings()) {
            String seq = (pc.getTable().getName() + "_SEQ").toLowerCase(Locale.ROOT);
            String attribute = pc.getIdentifierProperty() != null
                    ? pc.getIdentifierProperty().getName()
                    : "";
            out.putIfAbsent(seq, Origin.attribute(pc.getClassName(), attribute));
            String byEntity = (pc.getJpaEntityName() + "_SEQ").toLowerCase(Locale.ROOT);
            out.putIfAbsent(byEntity, Origin.attribute(pc.getClassName(), attribute));
        }
        return out;
    }

    private static void generators(AnnotatedElement e, String cls, String attribute, Map<String, Origin> out) {
        List<SequenceGenerator> gens = new ArrayList<>();
        SequenceGenerator g = e.getAnnotation(SequenceGenerator.class);
        if (g != null) gens.add(g);
        SequenceGenerators gs = e.getAnnotation(SequenceGenerators.class);
        if (gs != null) gens.addAll(List.of(gs.value()));
        for (SequenceGenerator s : gens) {
            String name = s.sequenceName().isEmpty() ? s.name() : s.sequenceName();
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), Origin.attribute(cls, attribute));
        }
    }
}
