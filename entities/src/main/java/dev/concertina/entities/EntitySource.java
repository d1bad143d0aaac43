package dev.concertina.entities;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the entity classes come from: a classpath (directories and jars holding the entities and
 * what they need) plus either packages to scan or a persistence unit named in a
 * {@code META-INF/persistence.xml} on that classpath.
 *
 * <p>{@code settings} are extra Hibernate settings (for instance
 * {@code hibernate.physical_naming_strategy}); they override those of a persistence unit.
 * Connection and schema-generation settings are ignored: Concertina never lets Hibernate connect.
 */
public sealed interface EntitySource permits EntitySource.Packages, EntitySource.PersistenceUnit {

    List<Path> classpath();

    Map<String, String> settings();

    /** Scans {@code packages} (and their subpackages) for {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and {@code @Converter} classes. */
    record Packages(List<Path> classpath, List<String> packages, Map<String, String> settings) implements EntitySource {
        public Packages {
            classpath = List.copyOf(classpath);
            packages = List.copyOf(packages);
            settings = Map.copyOf(settings);
            if (packages.isEmpty()) {
                throw new IllegalArgumentException("at least one package to scan is needed");
            }
        }

        public Packages withSettings(Map<String, String> s) {
            return new Packages(classpath, packages, s);
        }
    }

    /** The classes, mapping files and Hibernate properties of one persistence unit. */
    record PersistenceUnit(List<Path> classpath, String name, Map<String, String> settings) implements EntitySource {
        public PersistenceUnit {
            classpath = List.copyOf(classpath);
            Objects.requireNonNull(name, "name");
            settings = Map.copyOf(settings);
        }

        public PersistenceUnit withSettings(Map<String, String> s) {
            return new PersistenceUnit(classpath, name, s);
        }
    }

    static Packages packages(List<Path> classpath, String... packages) {
        return new Packages(classpath, List.of(packages), Map.of());
    }

    static PersistenceUnit persistenceUnit(List<Path> classpath, String name) {
        return new PersistenceUnit(classpath, name, Map.of());
    }
}
