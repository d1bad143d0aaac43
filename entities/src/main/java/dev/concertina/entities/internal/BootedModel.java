package dev.concertina.entities.internal;

import dev.concertina.entities.EntitySource;
import dev.concertina.entities.TargetDatabase;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;

/**
 * Hibernate's boot metamodel for a set of entity classes and a target database, built without a
 * database connection. Holds the class loader of the entity classpath open until closed.
 *
 * <p>The dialect and its version come from the {@code jakarta.persistence.database-*} settings
 * with {@code hibernate.boot.allow_jdbc_metadata_access=false}: Hibernate then picks the dialect
 * as if it had connected to that product and version, and never tries to.
 */
public final class BootedModel implements AutoCloseable {

    private static final List<Class<? extends Annotation>> MAPPING_ANNOTATIONS = List.of(
            jakarta.persistence.Entity.class,
            jakarta.persistence.Embeddable.class,
            jakarta.persistence.MappedSuperclass.class,
            jakarta.persistence.Converter.class);

    private final URLClassLoader loader;
    private final StandardServiceRegistry registry;
    private final Metadata metadata;
    private final List<Class<?>> classes;
    private final Map<String, Object> settings;
    private final HibernateSettings hibernateSettings;
    private final TargetDatabase target;

    private BootedModel(
            URLClassLoader loader,
            StandardServiceRegistry registry,
            Metadata metadata,
            List<Class<?>> classes,
            Map<String, Object> settings,
            HibernateSettings hibernateSettings,
            TargetDatabase target) {
        this.loader = loader;
        this.registry = registry;
        this.metadata = metadata;
        this.classes = classes;
        this.settings = settings;
        this.hibernateSettings = hibernateSettings;
        this.target = target;
    }

    public Metadata metadata() {
        return metadata;
    }

    public StandardServiceRegistry registry() {
        return registry;
    }

    public List<Class<?>> classes() {
        return classes;
    }

    public TargetDatabase target() {
        return target;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** The application's Hibernate settings, each with where it came from. */
    public HibernateSettings hibernateSettings() {
        return hibernateSettings;
    }

    /** The settings the registry was built with (a copy). */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }

    /** Loads the model classes of {@code source} and builds the metamodel for {@code target}. */
    public static BootedModel boot(EntitySource source, TargetDatabase target) {
        QuietHibernate.install();
        URLClassLoader loader = classLoader(source.classpath());
        try {
            Selection selection = select(source, loader);
            HibernateSettings resolved = HibernateSettings.resolve(
                    loader, source.classpath(), selection.properties, selection.where, source.settings());
            Map<String, Object> settings = resolved.values();
            settings.putAll(targetSettings(target));
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return QuietHibernate.call(() -> build(loader, selection, settings, resolved, target));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        } catch (RuntimeException | Error e) {
            closeQuietly(loader);
            throw e;
        }
    }

    private static BootedModel build(
            URLClassLoader loader,
            Selection selection,
            Map<String, Object> settings,
            HibernateSettings resolved,
            TargetDatabase target) {
        BootstrapServiceRegistry bootstrap =
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = null;
        try {
            registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySettings(settings)
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> c : selection.classes) {
                sources.addAnnotatedClass(c);
            }
            for (String mapping : selection.mappingFiles) {
                sources.addResource(mapping);
            }
            Metadata metadata = sources.buildMetadata();
            try {
                // What a session factory would check before use (duplicate columns, unresolvable types).
                ((MetadataImplementor) metadata).validate();
            } catch (RuntimeException e) {
                throw ModelErrors.describe(e, selection.classes, metadata);
            }
            return new BootedModel(loader, registry, metadata, selection.classes, settings, resolved, target);
        } catch (RuntimeException | LinkageError e) {
            if (registry != null) {
                StandardServiceRegistryBuilder.destroy(registry);
            } else {
                bootstrap.close();
            }
            throw ModelErrors.describe(e, selection.classes);
        }
    }

    /** The {@code jakarta.persistence.database-*} settings that select dialect and version offline. */
    static Map<String, Object> targetSettings(TargetDatabase target) {
        int[] v = target.versionParts();
        Map<String, Object> s = new HashMap<>();
        s.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        s.put("jakarta.persistence.database-product-name", productName(target.dialect()));
        s.put("jakarta.persistence.database-product-version", target.effectiveVersion());
        s.put("jakarta.persistence.database-major-version", Integer.toString(v[0]));
        s.put("jakarta.persistence.database-minor-version", Integer.toString(v[1]));
        return s;
    }

    private static String productName(Dialect d) {
        switch (d) {
            case H2:
                return "H2";
            case POSTGRES:
                return "PostgreSQL";
            case MARIADB:
                return "MariaDB";
            default:
                return "MySQL";
        }
    }

    /**
     * Settings from a persistence unit or the caller that shape the schema pass through; those that
     * would connect, generate a schema, or override the target dialect do not.
     */
    static boolean passesThrough(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("hibernate.connection.")
                || k.startsWith("hibernate.hbm2ddl.")
                || k.startsWith("jakarta.persistence.jdbc.")
                || k.startsWith("javax.persistence.jdbc.")
                || k.startsWith("jakarta.persistence.schema-generation.")
                || k.startsWith("javax.persistence.schema-generation.")
                || k.startsWith("jakarta.persistence.database-")
                || k.startsWith("javax.persistence.database-")
                || k.equals("hibernate.dialect")
                || k.startsWith("hibernate.dialect.")
                || k.equals("hibernate.boot.allow_jdbc_metadata_access")
                || k.startsWith("hibernate.temp.")
                || k.equals("jakarta.persistence.datasource")
                || k.equals("hibernate.show_sql")
                || k.equals("hibernate.format_sql")) {
            return false;
        }
        return k.startsWith("hibernate.") || k.startsWith("jakarta.persistence.") || k.startsWith("javax.persistence.");
    }

    private static URLClassLoader classLoader(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classpath) {
            if (!Files.exists(p)) {
                throw new ConcertinaException(ErrorCode.CONFIGURATION, "classpath entry " + p + ": does not exist");
            }
            try {
                urls.add(p.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION, "classpath entry " + p + ": " + e.getMessage(), e);
            }
        }
        // Parent: Concertina's own loader, so the entities see the same JPA and Hibernate classes.
        return new URLClassLoader("concertina-entities", urls.toArray(new URL[0]), BootedModel.class.getClassLoader());
    }

    private record Selection(
            List<Class<?>> classes, List<String> mappingFiles, Map<String, String> properties, String where) {}

    private static Selection select(EntitySource source, URLClassLoader loader) {
        if (source instanceof EntitySource.Packages) {
            EntitySource.Packages p = (EntitySource.Packages) source;
            List<Class<?>> classes = load(ClasspathScanner.candidates(p.classpath(), p.packages()), loader, true);
            if (classes.stream().noneMatch(c -> c.isAnnotationPresent(jakarta.persistence.Entity.class))) {
                List<String> javax = ClasspathScanner.javaxEntities(p.classpath(), p.packages());
                throw new ConcertinaException(
                        ErrorCode.MODEL,
                        "no @Entity class in package(s) " + String.join(", ", p.packages())
                                + " on classpath " + ClasspathScanner.describe(p.classpath())
                                + (javax.isEmpty()
                                        ? ""
                                        : " (" + javax.get(0)
                                                + (javax.size() > 1
                                                        ? " and " + (javax.size() - 1) + " more use"
                                                        : " uses")
                                                + " javax.persistence; Hibernate 7 reads jakarta.persistence only)"));
            }
            return new Selection(classes, List.of(), Map.of(), "");
        }
        EntitySource.PersistenceUnit pu = (EntitySource.PersistenceUnit) source;
        List<URL> files;
        try {
            files = Collections.list(loader.findResources("META-INF/persistence.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PersistenceXml unit = PersistenceXml.find(files, pu.name())
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "persistence unit '" + pu.name() + "': not found in any META-INF/persistence.xml on classpath "
                                + ClasspathScanner.describe(pu.classpath())
                                + (files.isEmpty()
                                        ? " (no persistence.xml at all)"
                                        : " (units there: " + unitNames(files) + ")")));
        Set<String> names = new LinkedHashSet<>(unit.classes());
        Path root = unitRoot(unit.location());
        if (!unit.excludeUnlistedClasses()) {
            names.addAll(ClasspathScanner.candidates(List.of(root), List.of()));
        }
        for (String jar : unit.jarFiles()) {
            Path jarPath = (Files.isDirectory(root) ? root : root.getParent())
                    .resolve(jar)
                    .normalize();
            if (!Files.exists(jarPath)) {
                throw new ConcertinaException(
                        ErrorCode.CONFIGURATION,
                        "persistence unit '" + pu.name() + "': jar-file " + jar + " not found at " + jarPath);
            }
            names.addAll(ClasspathScanner.candidates(List.of(jarPath), List.of()));
        }
        List<Class<?>> classes = load(List.copyOf(names), loader, false);
        return new Selection(
                classes, unit.mappingFiles(), unit.properties(), unit.location() + " (unit " + pu.name() + ")");
    }

    private static String unitNames(List<URL> files) {
        List<String> names = new ArrayList<>();
        for (URL f : files) {
            for (PersistenceXml u : PersistenceXml.parse(f)) names.add(u.name());
        }
        return String.join(", ", names);
    }

    /** The directory or jar a persistence.xml belongs to (its persistence unit root). */
    private static Path unitRoot(URL persistenceXml) {
        String s = persistenceXml.toString();
        String base = s.substring(0, s.length() - "META-INF/persistence.xml".length());
        if (base.startsWith("jar:")) {
            base = base.substring("jar:".length(), base.length() - "!/".length());
        }
        try {
            return Path.of(new URL(base).toURI());
        } catch (URISyntaxException | MalformedURLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION, "persistence unit root " + base + ": " + e.getMessage(), e);
        }
    }

    private static List<Class<?>> load(List<String> names, ClassLoader loader, boolean onlyAnnotated) {
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConcertinaException(
                        ErrorCode.MODEL,
                        name + ": cannot load the class: " + e.getClass().getSimpleName() + " "
                                + ModelErrors.oneLine(e),
                        e);
            }
            if (!onlyAnnotated || MAPPING_ANNOTATIONS.stream().anyMatch(c::isAnnotationPresent)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        try {
            StandardServiceRegistryBuilder.destroy(registry);
        } finally {
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // The loader only reads jars; a failure to close one leaves a file handle, nothing more.
        }
    }
}
