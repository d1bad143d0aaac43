package dev.concertina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The naming policy of generated migrations, on every database, with mixed-case and reserved-word names. */
class SchemaNamesTest {

    @Test
    void foldingNamesAreThoseTheSourceDatabaseStoresForALowerCaseUnquotedName() {
        assertTrue(SchemaNames.isFolding(Dialect.H2, "PERSON"));
        assertFalse(SchemaNames.isFolding(Dialect.H2, "Person"));
        assertFalse(SchemaNames.isFolding(Dialect.H2, "person"));
        assertTrue(SchemaNames.isFolding(Dialect.POSTGRES, "person"));
        assertFalse(SchemaNames.isFolding(Dialect.POSTGRES, "Person"));
        assertFalse(SchemaNames.isFolding(Dialect.POSTGRES, "PERSON"));
        assertTrue(SchemaNames.isFolding(Dialect.MARIADB, "order"));
        assertFalse(SchemaNames.isFolding(Dialect.MARIADB, "Group"));
        assertFalse(SchemaNames.isFolding(Dialect.MARIADB, ""));
        assertEquals("ORDER", SchemaNames.fold(Dialect.H2, "order"));
        assertEquals("order", SchemaNames.fold(Dialect.POSTGRES, "order"));
        assertEquals("order", SchemaNames.fold(Dialect.MARIADB, "order"));
    }

    private static Dialect dialect(DbKind kind) {
        return kind == DbKind.H2 ? Dialect.H2 : kind == DbKind.POSTGRES ? Dialect.POSTGRES : Dialect.MARIADB;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void reservedAndMixedCaseNamesWorkAndFoldingNamesMatchUnquotedSql(DbKind kind) throws Exception {
        Dialect d = dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            DSLContext dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
            SchemaNames n = SchemaNames.of(d, dsl);
            Name group = n.exact("Group");
            dsl.createTable(group)
                    .column(n.name("id"), SQLDataType.BIGINT.nullable(false))
                    .column(n.name("order"), SQLDataType.INTEGER.nullable(true))
                    .column(n.name("user"), SQLDataType.VARCHAR(20).nullable(false).defaultValue(DSL.inline("u", SQLDataType.VARCHAR(20))))
                    .column(n.exact("Name"), SQLDataType.VARCHAR(10).nullable(true))
                    .constraints(DSL.primaryKey(n.name("id")))
                    .execute();
            dsl.insertInto(DSL.table(group), DSL.field(n.name("id")), DSL.field(n.name("order")), DSL.field(n.exact("Name")))
                    .values(1L, 7, "first").execute();
            Map<String, String> columns = columns(c, d, db.schema(), "Group");
            assertEquals(List.of(d.foldUnquoted("id"), d.foldUnquoted("order"), d.foldUnquoted("user"), "Name"),
                    List.copyOf(columns.keySet()).stream().sorted((a, b) -> order(a) - order(b)).toList(), "columns on " + kind);

            // A folding name is the one the database gives an unquoted name: plain unquoted SQL finds it.
            dsl.createTable(n.name("person")).column(n.name("full_name"), SQLDataType.VARCHAR(50).nullable(true)).execute();
            try (Statement s = c.createStatement()) {
                s.execute("insert into person (full_name) values ('Ada')");
                try (ResultSet rs = s.executeQuery("select count(full_name) from person")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
            }

            // Changing the type keeps NOT NULL and the default on every database.
            n.changeType(group, n.name("user"), SQLDataType.VARCHAR(40).nullable(false).defaultValue(DSL.inline("u", SQLDataType.VARCHAR(40))));
            Map<String, String> after = columns(c, d, db.schema(), "Group");
            assertEquals("40 NO default", after.get(d.foldUnquoted("user")), "after changeType on " + kind);
            n.changeNullability(group, n.name("user"), SQLDataType.VARCHAR(40).nullable(true).defaultValue(DSL.inline("u", SQLDataType.VARCHAR(40))));
            assertEquals("40 YES default", columns(c, d, db.schema(), "Group").get(d.foldUnquoted("user")), "after changeNullability on " + kind);
            assertEquals(1, dsl.fetchCount(DSL.table(group), DSL.field(n.exact("Name")).eq("first")));
        }
    }

    private static int order(String column) {
        return List.of("id", "order", "user", "name").indexOf(column.toLowerCase(java.util.Locale.ROOT));
    }

    /** name → "size nullable default|none", from JDBC metadata. */
    private static Map<String, String> columns(Connection c, Dialect d, String schema, String table) throws Exception {
        DatabaseMetaData md = c.getMetaData();
        Map<String, String> out = new TreeMap<>();
        boolean my = d == Dialect.MARIADB;
        try (ResultSet rs = md.getColumns(my ? schema : null, my ? null : schema, table, null)) {
            while (rs.next()) {
                String def = rs.getString("COLUMN_DEF");
                out.put(rs.getString("COLUMN_NAME"), rs.getInt("COLUMN_SIZE") + " " + rs.getString("IS_NULLABLE") + " "
                        + (def == null || def.equalsIgnoreCase("null") ? "none" : "default"));
            }
        }
        return out;
    }

    @Test
    void namesConcertinaMakesFitEveryDatabaseAndStayApart() {
        assertEquals("ix_person_email", SchemaNames.fitEverywhere("ix_person_email"));
        String at = "ix_" + "t".repeat(60);
        assertEquals(at, SchemaNames.fitEverywhere(at));
        String a = SchemaNames.fitEverywhere("ix_" + "t".repeat(60) + "_a");
        String b = SchemaNames.fitEverywhere("ix_" + "t".repeat(60) + "_b");
        assertEquals(63, a.length());
        assertTrue(a.startsWith("ix_ttt") && a.matches(".*_[0-9a-f]{8}"), a);
        assertFalse(a.equals(b));
        assertEquals(a, SchemaNames.fitEverywhere("ix_" + "t".repeat(60) + "_a"));
        // Two-byte characters count twice against PostgreSQL's 63 bytes; a character is never split.
        String wide = SchemaNames.fitEverywhere("ix_" + "\u00fc".repeat(40));
        assertTrue(wide.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, wide);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFittedIndexNameIsCreatedAndReadBackUnchanged(DbKind kind) throws Exception {
        Dialect d = dialect(kind);
        String table = "t".repeat(60);
        String column = "c".repeat(60);
        String index = SchemaNames.fitEverywhere("ix_" + table + "_" + column);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            DSLContext dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
            dsl.createTable(DSL.quotedName(table)).column(DSL.quotedName(column), SQLDataType.INTEGER).execute();
            dsl.createIndex(DSL.quotedName(index)).on(DSL.quotedName(table), DSL.quotedName(column)).execute();
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) names.add(rs.getString("INDEX_NAME"));
            }
            // PostgreSQL would have cut a longer name silently; MariaDB would have refused it.
            assertTrue(names.contains(index), names + " lacks " + index);
        }
    }
}
