package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's claim that each version step splits cleanly: the schema an expand migration should
 * leave behind (the newer version's schema plus everything the older code still uses, with
 * constraints the older code cannot satisfy relaxed until contract) lets the <em>older</em>
 * application run unchanged. The expanded schemas here are written by hand, without sync triggers:
 * they are the oracle the generated expand migrations will be held to, and what the older code
 * leaves in the new columns shows why the triggers are needed.
 */
class ExpandSafetyTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void v1CodeRunsOnTheV1ToV2ExpandedSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            ModelVersion.V2.createSchema(db);
            // The rename keeps the old column until contract.
            db.execute("alter table identity_user add full_name varchar(255)");

            ApplicationScenario.run(ModelVersion.V1, db);

            // v1 code does not know is_domain: the NOT NULL column is safe in expand only thanks to its default.
            assertEquals("false", single(db, "select is_domain from project", true));
            // Without a sync trigger v1's writes never reach the renamed column.
            assertEquals("null", single(db, "select display_name from identity_user", false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void v2CodeRunsOnTheV2ToV3ExpandedSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            ModelVersion.V3.createSchema(db);
            // The old flag and the dropped column stay until contract; the new flag may not be
            // NOT NULL yet, because v2 code inserts users without it.
            db.execute("alter table identity_user add enabled varchar(1)",
                    "alter table project add extra varchar(2000)",
                    kind == DbKind.MARIADB
                            ? "alter table identity_user modify is_enabled bit null"
                            : "alter table identity_user alter column is_enabled drop not null");

            ApplicationScenario.run(ModelVersion.V2, db);

            // Without a converting sync trigger the new column stays empty for rows v2 code writes.
            assertEquals("null", single(db, "select is_enabled from identity_user", true));
        }
    }

    /** The one value the query returns, as text ({@code "null"} for SQL NULL), read as a boolean or a string. */
    private static String single(FreshDatabase db, String sql, boolean asBoolean) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), "a row for: " + sql);
            Object v = asBoolean ? (Object) r.getBoolean(1) : r.getString(1);
            String text = r.wasNull() ? "null" : String.valueOf(v);
            assertTrue(!r.next(), "one row for: " + sql);
            return text;
        }
    }
}
