package dev.concertina.runtime.precheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SchemaNames;
import dev.concertina.runtime.types.PortableTypes;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pre-check on every database: it passes on rows that keep its rule, and fails with
 * MIGRATION_FAILED naming the table, the columns and the number of rows that break it.
 */
class PrecheckTest {

    /** The context of a migration as the pre-checks see it. */
    private record Context(DSLContext dsl, Connection connection, Dialect dialect) implements MigrationContext {
        @Override
        public ResolvedMigration revision() {
            return null;
        }

        @Override
        public void progress(String message) {}
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DbKind.class)
    void eachPrecheckPassesOnGoodRowsAndNamesTheBadOnes(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            Dialect d = Dialect.fromUrl(db.url());
            DSLContext dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                    .withExecuteLogging(false));
            MigrationContext ctx = new Context(dsl, c, d);
            SchemaNames n = SchemaNames.of(ctx);
            Name owner = n.name("owner");
            Name pet = n.name("pet");
            dsl.createTable(owner).column(n.name("id"), SQLDataType.BIGINT.nullable(false))
                    .column(n.name("email"), SQLDataType.VARCHAR(50).nullable(true))
                    .column(n.name("age"), SQLDataType.INTEGER.nullable(true))
                    .column(n.name("code"), SQLDataType.VARCHAR(20).nullable(true))
                    .column(n.name("price"), SQLDataType.DECIMAL(10, 2).nullable(true))
                    .column(n.name("status"), SQLDataType.VARCHAR(10).nullable(true)).execute();
            dsl.createTable(pet).column(n.name("id"), SQLDataType.BIGINT.nullable(false))
                    .column(n.name("owner_id"), SQLDataType.BIGINT.nullable(true)).execute();
            dsl.insertInto(DSL.table(owner), DSL.field(n.name("id")), DSL.field(n.name("email")),
                    DSL.field(n.name("age")),
                    DSL.field(n.name("code")), DSL.field(n.name("price")), DSL.field(n.name("status")))
                    .values(1L, "a@x", 30, "12", new java.math.BigDecimal("5.50"), "ACTIVE")
                    .values(2L, "b@x", 40, "34", new java.math.BigDecimal("7.25"), "ACTIVE")
                    .execute();
            dsl.insertInto(DSL.table(pet), DSL.field(n.name("id")), DSL.field(n.name("owner_id")))
                    .values(1L, 1L).values(2L, null).execute();

            // Every rule holds.
            Precheck.noNulls(ctx, owner, n.name("email"));
            Precheck.unique(ctx, owner, n.name("email"));
            Precheck.referencesExist(ctx, pet, n.name("owner_id"), owner, n.name("id"));
            Precheck.satisfies(ctx, owner, "age >= 0");
            Precheck.converts(ctx, owner, n.name("code"), DSL.cast(DSL.field(n.name("code")), SQLDataType.INTEGER));
            Precheck.fits(ctx, owner, n.name("code"), SQLDataType.VARCHAR(2));
            Precheck.fits(ctx, owner, n.name("age"), SQLDataType.TINYINT);
            Precheck.fits(ctx, owner, n.name("price"), SQLDataType.DECIMAL(3, 2));
            Precheck.oneOf(ctx, owner, n.name("status"), "ACTIVE", "LOCKED");

            // Then each breaks.
            dsl.insertInto(DSL.table(owner), DSL.field(n.name("id")), DSL.field(n.name("email")),
                    DSL.field(n.name("age")),
                    DSL.field(n.name("code")), DSL.field(n.name("price")), DSL.field(n.name("status")))
                    .values(3L, null, -1, "x123", new java.math.BigDecimal("10.00"), "GONE")
                    .values(4L, "a@x", 200, "56", new java.math.BigDecimal("1.00"), "ACTIVE")
                    .execute();
            dsl.insertInto(DSL.table(pet), DSL.field(n.name("id")), DSL.field(n.name("owner_id"))).values(3L,
                    99L).execute();

            String o = "\"" + owner.last() + "\"";
            fails(o + ".\"" + n.fold("email") + "\" is NULL in 1 row",
                    () -> Precheck.noNulls(ctx, owner, n.name("email")));
            fails(o + " has 1 value of (\"" + n.fold("email") + "\") in more than one row",
                    () -> Precheck.unique(ctx, owner, n.name("email")));
            fails("\"" + pet.last() + "\" has 1 row whose (\"" + n.fold("owner_id") + "\") have no match in " + o,
                    () -> Precheck.referencesExist(ctx, pet, List.of(n.name("owner_id")), owner,
                            List.of(n.name("id"))));
            fails(o + " has 1 row violating (age >= 0)", () -> Precheck.satisfies(ctx, owner, "age >= 0"));
            fails(o + ".\"" + n.fold("code") + "\" has 1 value longer than 2 characters",
                    () -> Precheck.fits(ctx, owner, n.name("code"), SQLDataType.VARCHAR(2)));
            fails(o + ".\"" + n.fold("age") + "\" has 1 value outside -128 .. 127",
                    () -> Precheck.fits(ctx, owner, n.name("age"), SQLDataType.TINYINT));
            fails(o + ".\"" + n.fold("price") + "\" has 1 value with more than 1 digits before the decimal point or 2 after it",
                    () -> Precheck.fits(ctx, owner, n.name("price"), SQLDataType.DECIMAL(3, 2)));
            fails(o + ".\"" + n.fold("status") + "\" has 1 value outside ('ACTIVE', 'LOCKED')",
                    () -> Precheck.oneOf(ctx, owner, n.name("status"), "ACTIVE", "LOCKED"));
            if (d != Dialect.MARIADB) {
                // MariaDB casts 'x123' to 0 with a warning instead of failing (docs/codegen.md, "Known limits").
                fails(o + ".\"" + n.fold("code") + "\" has values that do not convert: ",
                        () -> Precheck.converts(ctx, owner,
                        n.name("code"), DSL.cast(DSL.field(n.name("code")), SQLDataType.INTEGER)));
            }
        }
    }

    /**
     * {@code timestamp with time zone} to {@code timestamp}: each instant becomes this session's
     * wall-clock time. Of the two instants New York shows as 01:30 on 2024-11-03, one cannot come
     * back; fewer fractional digits round the microseconds away.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void keepsTimeCountsTheValuesAZonelessOrShorterTimestampWouldChange(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            Dialect d = Dialect.fromUrl(db.url());
            DSLContext dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                    .withExecuteLogging(false));
            dsl.execute("SET TIME ZONE 'America/New_York'");
            MigrationContext ctx = new Context(dsl, c, d);
            SchemaNames n = SchemaNames.of(ctx);
            Name event = n.name("event");
            Name at = n.name("at");
            dsl.createTable(event).column(n.name("id"), SQLDataType.BIGINT.nullable(false))
                    .column(at, SQLDataType.TIMESTAMPWITHTIMEZONE(6).nullable(true)).execute();
            long id = 1;
            for (String instant : List.of("2024-06-01 12:00:00+00", "2024-11-03 05:30:00+00", "2024-11-03 06:30:00+00",
                    "2024-06-01 12:00:00.123456+00")) {
                dsl.insertInto(DSL.table(event), DSL.field(n.name("id")), DSL.field(at))
                        .values(DSL.val(id++), DSL.field("timestamp with time zone '" + instant + "'")).execute();
            }
            dsl.insertInto(DSL.table(event), DSL.field(n.name("id")), DSL.field(at)).values(id, null).execute();

            String column = "\"" + event.last() + "\".\"" + n.fold("at") + "\"";
            fails(column + " has 1 value that timestamp(6) would change",
                    () -> Precheck.keepsTime(ctx, event, at, PortableTypes.timestamp(ctx, 6)));
            fails(column + " has 2 values that timestamp(3) would change",
                    () -> Precheck.keepsTime(ctx, event, at, PortableTypes.timestamp(ctx, 3)));
            dsl.deleteFrom(DSL.table(event)).where(DSL.field(n.name("id")).in(2L, 3L, 4L)).execute();
            Precheck.keepsTime(ctx, event, at, PortableTypes.timestamp(ctx, 3));
        }
    }

    private static void fails(String start, Executable check) {
        ConcertinaException e = assertThrows(ConcertinaException.class, check, start);
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code(), e.getMessage());
        assertEquals(start, e.getMessage().substring(0, Math.min(start.length(), e.getMessage().length())),
                e.getMessage());
    }
}
