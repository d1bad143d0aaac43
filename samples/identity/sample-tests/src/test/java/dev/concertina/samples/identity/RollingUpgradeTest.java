package dev.concertina.samples.identity;

import static dev.concertina.samples.identity.Application.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.CheckResult;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checked-in migrations during a rolling upgrade, with real applications: the older release's
 * entities keep reading and writing through Hibernate while the expand migration runs and while
 * the newer release runs beside them on the expanded schema; then contract. Nothing either
 * release wrote is lost: the sync triggers carry a renamed column's values both ways, converting
 * them where the type changed.
 */
class RollingUpgradeTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void v2ToV3WithBothReleasesRunning(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = GeneratedMigrationsTest.migrator(db)) {
            m.upgrade(revision(m, Branch.CONTRACT, 0)); // v2, expand and contract
            GeneratedMigrationsTest.assertSchemaIs(ModelVersion.V2, db);

            try (Application v2 = Application.start(ModelVersion.V2, db)) {
                v2.inTransaction(s -> {
                    Object d = v2.make("Domain", "d1", "Default");
                    s.persist(d);
                    Object p = v2.make("Project", "p1", "demo", d, null);
                    call(p, "setExtra", "{\"tier\":\"gold\"}");
                    s.persist(p);
                });
                addUser(v2, "u1", true);
                addUser(v2, "u2", false);

                // Expand while v2 runs: the backfill converts what v2 wrote.
                m.sync(SyncScope.EXPAND);
                assertEquals(CheckResult.CONTRACT_PENDING, m.check());

                // v2 goes on writing 'Y'/'N' and the dropped-in-v3 column.
                addUser(v2, "u3", false);
                addUser(v2, "u4", true);
                setEnabled(v2, "u1", false);
                v2.inTransaction(s -> {
                    Object p = v2.make("Project", "p2", "other", v2.find(s, "Domain", "d1"), null);
                    call(p, "setExtra", "{}");
                    s.persist(p);
                });

                try (Application v3 = Application.start(ModelVersion.V3, db)) {
                    Map<String, Boolean> v2Wrote = Map.of("u1", false, "u2", false, "u3", false, "u4", true);
                    assertEquals(v2Wrote, enabled(v3, v2Wrote.keySet()), "v3 reads the booleans of what v2 wrote");

                    addUser(v3, "u5", true);
                    addUser(v3, "u6", false);
                    setEnabled(v3, "u2", true);
                    Map<String, Boolean> all = Map.of("u1", false, "u2", true, "u3", false, "u4", true, "u5", true, "u6", false);
                    assertEquals(all, enabled(v2, all.keySet()), "v2 reads 'Y'/'N' of what v3 wrote");
                    assertEquals(all, enabled(v3, all.keySet()));
                    assertColumnsAgree(db);

                    // v2 updates a row v3 wrote, and v3 sees it.
                    setEnabled(v2, "u6", true);
                    assertTrue(enabled(v3, List.of("u6")).get("u6"));
                    assertEquals("{\"tier\":\"gold\"}", v2.fromTransaction(s -> call(v2.find(s, "Project", "p1"), "getExtra")));
                }
            }

            // v2 is gone: contract.
            m.sync(SyncScope.CONTRACT);
            assertEquals(CheckResult.UP_TO_DATE, m.check());
            GeneratedMigrationsTest.assertSchemaIs(ModelVersion.V3, db);
            try (Application v3 = Application.start(ModelVersion.V3, db)) {
                Map<String, Boolean> all = Map.of("u1", false, "u2", true, "u3", false, "u4", true, "u5", true, "u6", true);
                assertEquals(all, enabled(v3, all.keySet()), "after contract");
                addUser(v3, "u7", false);
                assertFalse(enabled(v3, List.of("u7")).get("u7"));
                Long projects = v3.fromTransaction(s -> s.createQuery("select count(p) from Project p", Long.class).getSingleResult());
                assertEquals(2L, projects, "the projects v2 wrote");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void v1ToV2WithBothReleasesRunning(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = GeneratedMigrationsTest.migrator(db)) {
            m.upgrade(revision(m, Branch.EXPAND, 0)); // v1 has no contract revision
            GeneratedMigrationsTest.assertSchemaIs(ModelVersion.V1, db);

            try (Application v1 = Application.start(ModelVersion.V1, db)) {
                v1.inTransaction(s -> s.persist(v1.make("Domain", "d1", "Default")));
                addUser(v1, "u1", true);
                setName(v1, "u1", "Ada Lovelace");

                m.upgrade(revision(m, Branch.EXPAND, 1)); // v2's expand only
                addUser(v1, "u2", true);
                setName(v1, "u2", "Grace Hopper");
                setName(v1, "u1", "Ada King");
                v1.inTransaction(s -> s.persist(v1.make("Project", "p1", "demo", v1.find(s, "Domain", "d1"), null)));

                try (Application v2 = Application.start(ModelVersion.V2, db)) {
                    assertEquals(Map.of("u1", "Ada King", "u2", "Grace Hopper"), names(v2, List.of("u1", "u2")), "v2 reads what v1 wrote");
                    addUser(v2, "u3", true);
                    setName(v2, "u3", "Alan Turing");
                    setName(v2, "u2", "Grace Brewster Hopper");
                    Map<String, String> all = Map.of("u1", "Ada King", "u2", "Grace Brewster Hopper", "u3", "Alan Turing");
                    assertEquals(all, names(v1, all.keySet()), "v1 reads what v2 wrote");
                    assertEquals(all, names(v2, all.keySet()));
                    assertEquals(false, v2.fromTransaction(s -> call(v2.find(s, "Project", "p1"), "isDomainProject")),
                            "the default fills the NOT NULL column v1 does not know");
                }
            }

            m.upgrade(revision(m, Branch.CONTRACT, 0));
            GeneratedMigrationsTest.assertSchemaIs(ModelVersion.V2, db);
            try (Application v2 = Application.start(ModelVersion.V2, db)) {
                assertEquals(Map.of("u1", "Ada King", "u2", "Grace Brewster Hopper", "u3", "Alan Turing"),
                        names(v2, List.of("u1", "u2", "u3")), "after contract");
            }
        }
    }

    /** The id of the {@code index}-th revision of a branch (0 is the first). */
    private static String revision(Migrator m, Branch branch, int index) {
        List<ResolvedMigration> chain = m.graph().chain(branch);
        return chain.get(index).id();
    }

    private static void addUser(Application app, String id, boolean enabled) {
        app.inTransaction(s -> {
            Object u = app.make("IdentityUser", id, app.find(s, "Domain", "d1"), "login-" + id, NOW);
            call(u, "setEnabled", enabled);
            s.persist(u);
        });
    }

    private static void setEnabled(Application app, String id, boolean enabled) {
        app.inTransaction(s -> call(app.find(s, "IdentityUser", id), "setEnabled", enabled));
    }

    private static Map<String, Boolean> enabled(Application app, Iterable<String> ids) {
        return app.fromTransaction(s -> {
            Map<String, Boolean> out = new TreeMap<>();
            ids.forEach(id -> out.put(id, (Boolean) call(app.find(s, "IdentityUser", id), "isEnabled")));
            return out;
        });
    }

    /** v1 calls the column full name, v2 display name. */
    private static String nameProperty(Application app) {
        return app.version() == ModelVersion.V1 ? "FullName" : "DisplayName";
    }

    private static void setName(Application app, String id, String name) {
        app.inTransaction(s -> call(app.find(s, "IdentityUser", id), "set" + nameProperty(app), name));
    }

    private static Map<String, String> names(Application app, Iterable<String> ids) {
        return app.fromTransaction(s -> {
            Map<String, String> out = new TreeMap<>();
            ids.forEach(id -> out.put(id, (String) call(app.find(s, "IdentityUser", id), "get" + nameProperty(app))));
            return out;
        });
    }

    /** In every row the old flag and the new boolean say the same, whichever release wrote it. */
    private static void assertColumnsAgree(FreshDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select id, enabled, is_enabled from identity_user")) {
            int rows = 0;
            while (r.next()) {
                rows++;
                String old = r.getString(2);
                boolean now = r.getBoolean(3);
                assertFalse(r.wasNull(), "is_enabled of " + r.getString(1) + " is filled");
                assertEquals(now ? "Y" : "N", old, "enabled and is_enabled of " + r.getString(1));
            }
            assertEquals(6, rows);
        }
    }
}
