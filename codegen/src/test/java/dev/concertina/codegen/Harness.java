package dev.concertina.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.live.LiveSchemaReader;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** Compiles, runs and checks generated migrations; compares them with golden files. */
final class Harness {

    /** Set {@code -Dgolden.update=true} to rewrite the golden files from the current output. */
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /** One compilation per case, shared by the three databases (javac is the slow part). */
    private static final java.util.Map<String, List<Class<?>>> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private Harness() {}

    static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }

    /** Compiles with every lint and fails on any diagnostic at all. */
    static List<Class<?>> compile(List<GeneratedMigration> migrations) {
        InMemoryCompiler.Result r = InMemoryCompiler.compile(migrations, Harness.class.getClassLoader());
        assertEquals(List.of(), r.diagnostics(), "javac -Xlint:all diagnostics");
        return migrations.stream().<Class<?>>map(m -> r.classes().get(m.className())).toList();
    }

    /** Compares a generated source with {@code golden/<name>}, or rewrites it under {@code -Dgolden.update=true}. */
    static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no golden file " + file + " (run with -Dgolden.update=true to create it)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "generated source differs from " + file);
    }

    static DSLContext dsl(Connection c, Dialect d) {
        return DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withExecuteLogging(false));
    }

    static Schema read(FreshDatabase db, Dialect d) throws Exception {
        try (Connection c = db.connect()) {
            return LiveSchemaReader.read(c, d, db.schema());
        }
    }

    static Migrator migrator(FreshDatabase db, List<Class<?>> classes) {
        List<ResolvedMigration> all = new ArrayList<>();
        classes.forEach(c -> all.add(ResolvedMigration.of(c)));
        return Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .migrations(MigrationSource.of(all)).build());
    }

    /**
     * The whole round trip of a case on one database: base, seed, expand, contract, compare with the
     * desired schema; then downgrade both and compare with the current schema again.
     */
    static void roundTrip(Scenario s, DbKind kind) throws Exception {
        Dialect d = dialect(kind);
        List<GeneratedMigration> base = s.base();
        List<GeneratedMigration> change = s.generate(base.get(0).revision());
        List<GeneratedMigration> all = new ArrayList<>(base);
        all.addAll(change);
        List<Class<?>> classes = COMPILED.computeIfAbsent(s.name(), k -> compile(all));
        FreshDatabase db = database(kind);
        try (Migrator m = migrator(db, classes)) {
            m.upgrade(base.get(0).revision());
            // A downgradable case compares with the current schema at the end anyway: one read less.
            if (!s.downgradable()) assertEquals(List.of(), SchemaDifferences.between(Models.fold(s.current(), d), read(db, d)), "base schema on " + kind);
            try (Connection c = db.connect()) {
                s.seed().run(dsl(c, d), d);
            }
            m.sync(SyncScope.EXPAND);
            m.sync(SyncScope.CONTRACT);
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(s.desired(), d), read(db, d)), "after expand + contract on " + kind);
            try (Connection c = db.connect()) {
                s.verify().run(dsl(c, d), d);
            }
            if (!s.downgradable()) {
                return;
            }
            Optional<GeneratedMigration> contract = change.stream().filter(g -> g.branch() == Branch.CONTRACT).findFirst();
            if (contract.isPresent()) {
                m.downgrade("contract@base");
            }
            m.downgrade(base.get(0).revision());
            assertEquals(List.of(), SchemaDifferences.between(Models.fold(s.current(), d), read(db, d)), "after downgrade on " + kind);
        } finally {
            if (db != sharedPostgres) {
                db.close();
            }
        }
    }

    /**
     * PostgreSQL's CREATE DATABASE costs seconds, so the cases share one database whose schema is
     * dropped and created again before each case (functions and triggers go with it).
     */
    private static FreshDatabase sharedPostgres;

    static synchronized FreshDatabase database(DbKind kind) throws java.sql.SQLException {
        if (kind != DbKind.POSTGRES) {
            return FreshDatabase.create(kind);
        }
        if (sharedPostgres == null) {
            sharedPostgres = FreshDatabase.create(kind);
        }
        sharedPostgres.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        return sharedPostgres;
    }

    static synchronized void closeShared() {
        if (sharedPostgres != null) {
            sharedPostgres.close();
            sharedPostgres = null;
        }
    }
}
