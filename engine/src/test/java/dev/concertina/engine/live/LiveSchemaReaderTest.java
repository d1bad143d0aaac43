package dev.concertina.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.SchemaDifferences;
import dev.concertina.engine.model.Table;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hand-written fixture schema of each database, read through the live reader. */
class LiveSchemaReaderTest {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void readsTheHandWrittenSchemaExactlyAndStably(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Fixtures.load(db, "/live/" + kind.label() + ".sql");
            try (Connection c = db.connect()) {
                String schema = c.getSchema();
                String catalog = c.getCatalog();
                List<LogRecord> logged = new ArrayList<>();
                Handler capture = new Handler() {
                    @Override public void publish(LogRecord r) { logged.add(r); }
                    @Override public void flush() { }
                    @Override public void close() { }
                };
                Logger.getLogger("").addHandler(capture);
                Schema first;
                try {
                    first = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());
                } finally {
                    Logger.getLogger("").removeHandler(capture);
                }
                Schema second = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());

                assertEquals(List.of(), logged.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList(),
                        "library logging reaches no handler");
                assertEquals(schema, c.getSchema(), "schema restored");
                assertEquals(catalog, c.getCatalog(), "catalog restored");
                assertTrue(c.isValid(2), "the reader does not close the caller's connection");
                for (Table t : first.tables()) {
                    assertFalse(OwnObjects.isOwnTable(t.name()), t.name());
                    assertFalse(t.name().equalsIgnoreCase("author_names"), "views are not tables");
                    t.triggers().forEach(tr -> assertFalse(OwnObjects.isOwnTrigger(tr.name()), tr.name()));
                }

                assertEquals(List.of(), SchemaDifferences.between(first, second), "read twice");
                assertEquals(first, second, "read twice: identical values");
                assertEquals(List.of(), SchemaDifferences.between(FixtureModels.expected(kind), first), "expected model vs read");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void anEmptySchemaReadsEmpty(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            assertEquals(Schema.EMPTY, LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema()));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFailedReadIsAnIntrospectionErrorNamingTheSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            Connection c = db.connect();
            c.close();
            ConcertinaException e = assertThrows(ConcertinaException.class,
                    () -> LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema()));
            assertEquals(ErrorCode.INTROSPECTION, e.code());
            assertTrue(e.getMessage().startsWith("read schema \"" + db.schema() + "\""), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void quotedMixedCaseAndReservedNamesKeepTheirSpelling(DbKind kind) throws Exception {
        char q = kind == DbKind.MARIADB ? '`' : '"';
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            db.execute("CREATE TABLE " + q + "Mixed Case" + q + " (" + q + "select" + q + " int PRIMARY KEY, "
                    + q + "Some Col" + q + " varchar(10) CHECK (" + q + "Some Col" + q + " <> 'x'))");
            try (Connection c = db.connect()) {
                Schema s = LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema());
                Table t = s.table("Mixed Case").orElseThrow(() -> new AssertionError(s.tables().toString()));
                assertEquals(List.of("select", "Some Col"), t.columns().stream().map(col -> col.name()).toList());
                assertEquals(List.of("select"), t.primaryKey().orElseThrow().columns());
                // The canonical check keeps the quotes a mixed-case name needs, in the dialect's quoting.
                assertEquals(q + "Some Col" + q + " <> 'x'", t.checks().get(0).expression());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"H2", "POSTGRES"})
    void readsOnlyTheRequestedSchema(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            String app = kind == DbKind.H2 ? "APP" : "app";
            db.execute("CREATE TABLE in_default (id int PRIMARY KEY)", "CREATE SCHEMA app",
                    "CREATE TABLE app.only_here (id int PRIMARY KEY, ref int REFERENCES app.only_here (id))",
                    "CREATE SEQUENCE app.app_seq");
            try (Connection c = db.connect()) {
                Schema s = LiveSchemaReader.read(c, Fixtures.dialect(kind), app);
                assertEquals(List.of(FixtureModels.n(kind, "only_here")), s.tables().stream().map(Table::name).toList());
                assertEquals(1, s.tables().get(0).foreignKeys().size());
                assertEquals(List.of(FixtureModels.n(kind, "app_seq")), s.sequences().stream().map(x -> x.name()).toList());
                assertEquals(List.of(FixtureModels.n(kind, "in_default")),
                        LiveSchemaReader.read(c, Fixtures.dialect(kind), db.schema()).tables().stream().map(Table::name).toList());
            }
        }
    }
}
