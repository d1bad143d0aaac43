package dev.concertina.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-database types of {@link PortableTypes}, built and used on each database. */
class PortableTypesTest {

    private static Dialect dialect(DbKind kind) {
        return kind == DbKind.H2 ? Dialect.H2 : kind == DbKind.POSTGRES ? Dialect.POSTGRES : Dialect.MARIADB;
    }

    private static MigrationContext context(Connection c, Dialect d) {
        DSLContext dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
        return new MigrationContext() {
            @Override public DSLContext dsl() { return dsl; }
            @Override public Connection connection() { return c; }
            @Override public Dialect dialect() { return d; }
            @Override public ResolvedMigration revision() { throw new UnsupportedOperationException(); }
            @Override public void progress(String message) { }
        };
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void enumerationAcceptsItsValuesOnlyAndChangesThem(DbKind kind) throws Exception {
        Dialect d = dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            MigrationContext ctx = context(c, d);
            DSLContext dsl = ctx.dsl();
            Name t = DSL.quotedName(d.foldUnquoted("thing"));
            Name id = DSL.quotedName(d.foldUnquoted("id"));
            Name status = DSL.quotedName(d.foldUnquoted("status"));
            // A value with a quote: the type text is made of literals jOOQ escapes.
            dsl.createTable(t).column(id, SQLDataType.INTEGER.nullable(false))
                    .column(status, PortableTypes.enumeration(ctx, 20, "A", "it's").nullable(true)).execute();
            PortableTypes.addEnumCheck(ctx, t, status, "A", "it's");
            // A user's check on the same column must survive a change of values.
            dsl.alterTable(t).add(DSL.constraint(DSL.quotedName(d.foldUnquoted("ck_thing_status"))).check(DSL.field(status).isNull().or(DSL.field(status).isNotNull()))).execute();
            dsl.insertInto(DSL.table(t), DSL.field(id), DSL.field(status)).values(1, "it's").execute();
            assertThrows(DataAccessException.class, () -> dsl.insertInto(DSL.table(t), DSL.field(id), DSL.field(status)).values(2, "B").execute());

            PortableTypes.changeEnumValues(ctx, t, status, PortableTypes.enumeration(ctx, 20, "A", "B", "it's").nullable(true), "A", "B", "it's");
            dsl.insertInto(DSL.table(t), DSL.field(id), DSL.field(status)).values(2, "B").execute();
            assertThrows(DataAccessException.class, () -> dsl.insertInto(DSL.table(t), DSL.field(id), DSL.field(status)).values(3, "zzz").execute());
            assertEquals(List.of("it's", "B"), dsl.select(DSL.field(status, String.class)).from(DSL.table(t)).orderBy(DSL.field(id)).fetch(0, String.class));
            if (d == Dialect.POSTGRES) {
                // Exactly one enumeration check, named by the database, plus the user's.
                assertEquals(List.of("ck_thing_status", "thing_status_check"), dsl.resultQuery(
                        "select conname from pg_constraint where conrelid = 'thing'::regclass and contype = 'c' order by conname")
                        .fetch(0, String.class));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void largeObjectsAndTimestampsAreHibernatesTypes(DbKind kind) throws Exception {
        Dialect d = dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            MigrationContext ctx = context(c, d);
            Name t = DSL.quotedName(d.foldUnquoted("doc"));
            ctx.dsl().createTable(t)
                    .column(DSL.quotedName(d.foldUnquoted("body")), PortableTypes.largeObject(ctx, true).nullable(true))
                    .column(DSL.quotedName(d.foldUnquoted("scan")), PortableTypes.largeObject(ctx, false).nullable(true))
                    .column(DSL.quotedName(d.foldUnquoted("signed_at")), PortableTypes.timestampWithTimeZone(ctx, 6).nullable(true))
                    .column(DSL.quotedName(d.foldUnquoted("utc_at")), PortableTypes.utcTimestamp(ctx, 3).nullable(true))
                    .column(DSL.quotedName(d.foldUnquoted("filed_at")), PortableTypes.timestamp(ctx, 2).nullable(true))
                    .execute();
            List<String> expected;
            switch (d) {
                case H2: expected = List.of("character large object", "binary large object", "timestamp with time zone",
                        "timestamp with time zone", "timestamp"); break;
                case POSTGRES: expected = List.of("oid", "oid", "timestamp with time zone", "timestamp with time zone",
                        "timestamp without time zone"); break;
                default: expected = List.of("longtext", "longblob", "datetime", "timestamp", "datetime"); break;
            }
            String schema = d == Dialect.POSTGRES ? "current_schema()" : d == Dialect.H2 ? "current_schema" : "database()";
            List<String> types = ctx.dsl().resultQuery("select data_type from information_schema.columns where table_schema = "
                    + schema + " and table_name = {0} order by ordinal_position", DSL.val(t.last())).fetch(0, String.class)
                    .stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            assertEquals(expected, types);
        }
    }
}
