package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.samples.identity.ModelVersion.LoadedModel;
import dev.concertina.testkit.FreshDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The sample used as an application: on a database whose schema Hibernate's DDL built, one
 * version's entities write a small identity world through a real session factory and read it back
 * (composite key, join table, sequence and identity ids, the large object, optimistic locking).
 * The versions are different classes in different class loaders, so everything goes through
 * reflection on the constructors and accessors all three versions share.
 */
final class ApplicationScenario {

    /**
     * Hibernate logs through java.util.logging here (the models module selects it); its banners and
     * the built-in pool's warning would bury the test output. A strong reference keeps the level.
     */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
    }

    private final LoadedModel model;

    private ApplicationScenario(LoadedModel model) {
        this.model = model;
    }

    static void run(ModelVersion version, FreshDatabase db) throws Exception {
        try (LoadedModel model = version.loadEntities()) {
            new ApplicationScenario(model).run(db, version);
        }
    }

    private void run(FreshDatabase db, ModelVersion version) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(model.loader());
        try (SessionFactory sessions = sessionFactory(db)) {
            Instant now = Instant.parse("2026-01-02T03:04:05Z");
            Object domain = make("Domain", "d1", "Default");
            Object project = make("Project", "p1", "demo", domain, null);
            Object user = make("IdentityUser", "u1", domain, "alice", now);
            Object group = make("UserGroup", "g1", domain, "admins");
            members(group).add(user);
            Object role = make("Role", "r1", "admin");
            Object assignmentType = enumValue("AssignmentType", "USER_PROJECT");
            Object assignment = make("Assignment", assignmentType, "u1", "p1", "r1", false);
            String secret = "0123456789abcdef".repeat(64);
            Object credential = make("Credential", "c1", user, "totp", secret, "k1");
            Object password = make("UserPassword", user, "$6$hash", now);
            Object region = make("Region", "eu-west", null);
            Object service = make("Service", "s1", "compute");
            Object endpoint = make("Endpoint", "e1", service, enumValue("EndpointInterface", "PUBLIC"), "https://compute.example/v2");
            Object audit = make("LoginAudit", "u1", now, enumValue("LoginOutcome", "SUCCESS"), "192.0.2.1");
            sessions.inTransaction(s -> {
                for (Object o : new Object[] {domain, project, user, group, role, assignment, credential, password, region, service, endpoint, audit}) {
                    s.persist(o);
                }
            });
            assertNotNull(call(password, "getId"), "identity id assigned");
            assertNotNull(call(audit, "getId"), "sequence id assigned");

            Object key = make("AssignmentId", assignmentType, "u1", "p1", "r1", false);
            sessions.inTransaction(s -> {
                Object u = s.find(type("IdentityUser"), "u1");
                assertEquals(1, ((Set<?>) call(u, "getGroups")).size(), "membership through the join table");
                assertEquals(0L, call(u, "getVersion"));
                assertEquals(true, call(u, "isEnabled"));
                call(u, "setEnabled", false);
                assertNotNull(s.find(type("Assignment"), key), "found by its five-column key");
                Object c = s.find(type("Credential"), "c1");
                assertEquals(secret, call(c, "getEncryptedBlob"), "large object round trip");
            });
            sessions.inTransaction(s -> {
                Object u = s.find(type("IdentityUser"), "u1");
                assertEquals(1L, call(u, "getVersion"), "@Version counted the update");
                assertEquals(false, call(u, "isEnabled"));
            });
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        // How the flag is stored is what the v2 → v3 step changes.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String column = version == ModelVersion.V3 ? "is_enabled" : "enabled";
            try (ResultSet r = s.executeQuery("select " + column + " from identity_user")) {
                assertTrue(r.next());
                assertEquals(version == ModelVersion.V3 ? "false" : "N", String.valueOf(version == ModelVersion.V3 ? (Object) r.getBoolean(1) : r.getString(1)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> members(Object group) {
        return (Set<Object>) call(group, "getMembers");
    }

    private SessionFactory sessionFactory(FreshDatabase db) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build();
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.jdbc.url", db.url());
        settings.put("jakarta.persistence.jdbc.user", db.user());
        settings.put("jakarta.persistence.jdbc.password", db.password());
        // No schema validation: the caller has already compared the schema with the entity model.
        settings.put("hibernate.hbm2ddl.auto", "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        model.classes().stream()
                .filter(c -> c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class))
                .forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }

    private Class<?> type(String simpleName) {
        return model.classes().stream().filter(c -> c.getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no class " + simpleName));
    }

    private Object enumValue(String enumName, String constant) {
        return Arrays.stream(type(enumName).getEnumConstants()).filter(e -> ((Enum<?>) e).name().equals(constant)).findFirst().orElseThrow();
    }

    /** A new instance through the public constructor with this many parameters. */
    private Object make(String simpleName, Object... args) throws ReflectiveOperationException {
        for (Constructor<?> c : type(simpleName).getConstructors()) {
            if (c.getParameterCount() == args.length) {
                return unwrap(() -> c.newInstance(args));
            }
        }
        throw new AssertionError(simpleName + " has no public constructor with " + args.length + " parameters");
    }

    private static Object call(Object target, String method, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return unwrap(() -> m.invoke(target, args));
            }
        }
        throw new AssertionError(target.getClass().getSimpleName() + "." + method + " not found");
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
