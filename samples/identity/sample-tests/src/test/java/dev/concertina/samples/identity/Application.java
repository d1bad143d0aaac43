package dev.concertina.samples.identity;

import dev.concertina.samples.identity.ModelVersion.LoadedModel;
import dev.concertina.testdb.FreshDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * One release of the sample running as an application: its entities in a class loader of their
 * own and a real Hibernate session factory on a database. Several releases can run at once on
 * one database (a rolling upgrade); the versions are different classes, so everything goes
 * through reflection on the constructors and accessors the releases share.
 */
final class Application implements AutoCloseable {

    /**
     * Hibernate logs through java.util.logging here (the models module selects it); its banners and
     * the built-in pool's warning would bury the test output. A strong reference keeps the level.
     */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
    }

    private final ModelVersion version;
    private final LoadedModel model;
    private final SessionFactory sessions;

    private Application(ModelVersion version, LoadedModel model, SessionFactory sessions) {
        this.version = version;
        this.model = model;
        this.sessions = sessions;
    }

    /** Boots {@code version}'s entities on {@code db}, validating nothing (the schema is the test's business). */
    static Application start(ModelVersion version, FreshDatabase db) {
        LoadedModel model = version.loadEntities();
        try {
            return new Application(version, model, withLoader(model.loader(), () -> sessionFactory(model, db)));
        } catch (RuntimeException | Error e) {
            try {
                model.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    ModelVersion version() {
        return version;
    }

    /** Runs {@code work} in a transaction of this release (its class loader as the context loader). */
    void inTransaction(Consumer<Session> work) {
        withLoader(model.loader(), () -> {
            sessions.inTransaction(work);
            return null;
        });
    }

    /** Computes a value in a transaction of this release. */
    <T> T fromTransaction(Function<Session, T> work) {
        return withLoader(model.loader(), () -> sessions.fromTransaction(work));
    }

    /** The entity of this release with this simple name and id, or null. */
    Object find(Session s, String simpleName, Object id) {
        return s.find(type(simpleName), id);
    }

    Class<?> type(String simpleName) {
        return model.classes().stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError(version.label() + " has no class " + simpleName));
    }

    Object enumValue(String enumName, String constant) {
        return Arrays.stream(type(enumName).getEnumConstants()).filter(e -> ((Enum<?>) e).name().equals(constant)).findFirst().orElseThrow();
    }

    /** A new instance through the public constructor with this many parameters. */
    Object make(String simpleName, Object... args) {
        for (Constructor<?> c : type(simpleName).getConstructors()) {
            if (c.getParameterCount() == args.length) {
                return unwrap(() -> c.newInstance(args));
            }
        }
        throw new AssertionError(version.label() + " " + simpleName + " has no public constructor with " + args.length + " parameters");
    }

    /** Calls the public method with this name and number of parameters. */
    static Object call(Object target, String method, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return unwrap(() -> m.invoke(target, args));
            }
        }
        throw new AssertionError(target.getClass().getSimpleName() + "." + method + " not found");
    }

    @Override
    public void close() throws IOException {
        try {
            sessions.close();
        } finally {
            model.close();
        }
    }

    private static SessionFactory sessionFactory(LoadedModel model, FreshDatabase db) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build();
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.jdbc.url", db.url());
        settings.put("jakarta.persistence.jdbc.user", db.user());
        settings.put("jakarta.persistence.jdbc.password", db.password());
        // No schema validation: the callers compare the schema with the entity model themselves,
        // and during a rolling upgrade the schema is legitimately not the one the entities describe.
        settings.put("hibernate.hbm2ddl.auto", "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        model.classes().stream()
                .filter(c -> c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class))
                .forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }

    private interface Work<T> {
        T run();
    }

    private static <T> T withLoader(ClassLoader loader, Work<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    private static Object unwrap(Reflective r) {
        try {
            return r.call();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            if (e.getCause() instanceof Error) throw (Error) e.getCause();
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
