package dev.concertina.runtime;

import static dev.concertina.runtime.TestDatabases.LINEAR;
import static dev.concertina.runtime.TestDatabases.dataSource;
import static dev.concertina.runtime.TestDatabases.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StartupGuardTest {

    private static final ClassLoader LOADER = StartupGuardTest.class.getClassLoader();

    /** The same migrations as an older release had them: before e3c0003 and c2e0002 were written. */
    private static MigrationSource olderRelease() {
        return MigrationSource.of(MigrationSource.scan(LOADER, LINEAR).all().stream()
                .filter(r -> !r.id().equals("e3c0003") && !r.id().equals("c2e0002")).toList());
    }

    private static String outdated(DataSource ds, MigrationSource source) {
        ConcertinaException e = assertThrows(ConcertinaException.class, () -> StartupGuard.verify(ds, source));
        assertEquals(ErrorCode.OUTDATED_SCHEMA, e.code());
        return e.getMessage();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void noVersionTableOnlyWarns(DbKind kind) throws Exception {
        Logger logger = Logger.getLogger(StartupGuard.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord r) { records.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        logger.addHandler(capture);
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try (FreshDatabase db = FreshDatabase.create(kind)) {
            StartupGuard.verify(dataSource(db), LOADER, LINEAR);
            assertEquals(1, records.size());
            assertEquals(Level.WARNING, records.get(0).getLevel());
            assertEquals("the database has no " + TestDatabases.dialect(db).foldUnquoted("concertina_version")
                    + " table: it is not under Concertina's version control, so the schema cannot be checked against this code", records.get(0).getMessage());
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void missingExpandRevisionsFail(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            DataSource ds = dataSource(db);
            MigrationSource code = MigrationSource.scan(LOADER, LINEAR);
            m.versionControl();
            assertEquals("the database lacks expand revision e1a0001 (create person and legacy) and 2 more up to e3c0003 that this code needs"
                    + " (expand is at base): run `concertina sync --expand` before starting this release", outdated(ds, code));
            m.upgrade("e2b0002");
            assertEquals("the database lacks expand revision e3c0003 (index person.display_name) that this code needs (expand is at e2b0002):"
                    + " run `concertina sync --expand` before starting this release", outdated(ds, code));
            // The older release is content with e2b0002.
            StartupGuard.verify(ds, olderRelease());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void pendingContractAndNewerExpandArePartOfARollingUpgrade(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            DataSource ds = dataSource(db);
            m.sync(SyncScope.EXPAND);
            // New code, contract pending: fine.
            StartupGuard.verify(ds, LOADER, LINEAR);
            // Old code still running after the new release's expand: fine too.
            StartupGuard.verify(ds, olderRelease());
            m.sync(SyncScope.CONTRACT);
            StartupGuard.verify(ds, LOADER, LINEAR);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void contractedPastThisReleaseFails(DbKind kind) throws Exception {
        try (FreshDatabase db = FreshDatabase.create(kind); Migrator m = open(db, LINEAR)) {
            m.sync(SyncScope.ALL);
            String message = outdated(dataSource(db), olderRelease());
            assertEquals("the database carries contract revision c2e0002, which this code does not know: it has been contracted past this release,"
                    + " which may need what was removed; deploy the newer release", message);
            assertTrue(message.contains("c2e0002"));
        }
    }
}
