package dev.concertina.samples.identity;

import static dev.concertina.samples.identity.Application.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;

/**
 * The sample used as an application: on a database with the schema of one version (built by
 * Hibernate's DDL or by the migrations), that
 * version's entities write a small identity world through a real session factory and read it back
 * (composite key, join table, sequence and identity ids, the large object, optimistic locking).
 * The versions are different classes in different class loaders, so everything goes through
 * reflection on the constructors and accessors all three versions share.
 */
final class ApplicationScenario {

    private ApplicationScenario() {}

    static void run(ModelVersion version, FreshDatabase db) throws Exception {
        try (Application app = Application.start(version, db)) {
            run(app, db);
        }
    }

    private static void run(Application app, FreshDatabase db) throws Exception {
        ModelVersion version = app.version();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        Object domain = app.make("Domain", "d1", "Default");
        Object project = app.make("Project", "p1", "demo", domain, null);
        Object user = app.make("IdentityUser", "u1", domain, "alice", now);
        Object group = app.make("UserGroup", "g1", domain, "admins");
        members(group).add(user);
        Object role = app.make("Role", "r1", "admin");
        Object assignmentType = app.enumValue("AssignmentType", "USER_PROJECT");
        Object assignment = app.make("Assignment", assignmentType, "u1", "p1", "r1", false);
        String secret = "0123456789abcdef".repeat(64);
        Object credential = app.make("Credential", "c1", user, "totp", secret, "k1");
        Object password = app.make("UserPassword", user, "$6$hash", now);
        Object region = app.make("Region", "eu-west", null);
        Object service = app.make("Service", "s1", "compute");
        Object endpoint = app.make("Endpoint", "e1", service, app.enumValue("EndpointInterface", "PUBLIC"), "https://compute.example/v2");
        Object audit = app.make("LoginAudit", "u1", now, app.enumValue("LoginOutcome", "SUCCESS"), "192.0.2.1");
        app.inTransaction(s -> {
            for (Object o : new Object[] {domain, project, user, group, role, assignment, credential, password, region, service, endpoint, audit}) {
                s.persist(o);
            }
        });
        assertNotNull(call(password, "getId"), "identity id assigned");
        assertNotNull(call(audit, "getId"), "sequence id assigned");

        Object key = app.make("AssignmentId", assignmentType, "u1", "p1", "r1", false);
        app.inTransaction(s -> {
            Object u = app.find(s, "IdentityUser", "u1");
            assertEquals(1, ((Set<?>) call(u, "getGroups")).size(), "membership through the join table");
            assertEquals(0L, call(u, "getVersion"));
            assertEquals(true, call(u, "isEnabled"));
            call(u, "setEnabled", false);
            assertNotNull(app.find(s, "Assignment", key), "found by its five-column key");
            Object c = app.find(s, "Credential", "c1");
            assertEquals(secret, call(c, "getEncryptedBlob"), "large object round trip");
        });
        app.inTransaction(s -> {
            Object u = app.find(s, "IdentityUser", "u1");
            assertEquals(1L, call(u, "getVersion"), "@Version counted the update");
            assertEquals(false, call(u, "isEnabled"));
        });
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
}
