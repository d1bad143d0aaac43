package dev.concertina.runtime.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import dev.concertina.testdb.FreshDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rolling-upgrade proof (issue 5): on a table holding data, the expand part of three changes
 * is applied at once — (a) rename {@code name → title}, (b) type change {@code code varchar →
 * code_num integer} with conversions both ways, (c) a new NOT NULL column {@code price_cents}
 * derived from {@code price} — then old-code writers (old columns only) and new-code writers (new
 * columns only) run for at least 8 seconds while the three backfills run; every row must then
 * have corresponding old and new values. Contract follows, and the schema and row set are checked.
 */
class RollingUpgradeTest {

    private static final int INITIAL_ROWS = 3_000;
    private static final Duration WINDOW = Duration.ofSeconds(8);

    private DbKind kind;
    private Dialect d;
    private DSLContext dsl;

    private Name n(String name) {
        return DSL.name(Db.n(kind, name));
    }

    private String s(String name) {
        return dsl.render(n(name));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void oldAndNewCodeShareTheExpandedSchemaThenContractLeavesTheNewOne(DbKind kind) throws Exception {
        this.kind = kind;
        this.d = Db.dialect(kind);
        try (FreshDatabase db = FreshDatabase.create(kind); Connection c = db.connect()) {
            dsl = DSL.using(c, d.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
            Name item = n("item");
            dsl.createTable(item)
                    .column(n("id"), SQLDataType.BIGINT.nullable(false))
                    .column(n("name"), SQLDataType.VARCHAR(100).nullable(false))
                    .column(n("code"), SQLDataType.VARCHAR(20).nullable(false))
                    .column(n("price"), SQLDataType.DECIMAL(10, 2).nullable(false))
                    .constraints(DSL.primaryKey(n("id")))
                    .execute();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + s("item") + " (" + s("id") + ", " + s("name") + ", "
                    + s("code") + ", " + s("price") + ") VALUES (?, ?, ?, ?)")) {
                for (long id = 1; id <= INITIAL_ROWS; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "item " + id);
                    ps.setString(3, Long.toString(id * 7));
                    ps.setBigDecimal(4, BigDecimal.valueOf(id * 13 % 10_000, 2));
                    ps.addBatch();
                }
                ps.executeBatch();
            }

            // ---- expand, as codegen will write it: preflight, add nullable columns, sync triggers
            TriggerPreflight.check(c, d);
            dsl.alterTable(item).addColumn(n("title"), SQLDataType.VARCHAR(100).nullable(true)).execute();
            dsl.alterTable(item).addColumn(n("code_num"), SQLDataType.INTEGER.nullable(true)).execute();
            dsl.alterTable(item).addColumn(n("price_cents"), SQLDataType.BIGINT.nullable(true)).execute();
            SyncTriggers.install(c, d, Db.n(kind, "item"), Db.n(kind, "name"), Db.n(kind, "title"),
                    Conversion.identity(), Conversion.identity());
            SyncTriggers.install(c, d, Db.n(kind, "item"), Db.n(kind, "code"), Db.n(kind, "code_num"),
                    Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(20)));
            SyncTriggers.install(c, d, Db.n(kind, "item"), Db.n(kind, "price"), Db.n(kind, "price_cents"),
                    Conversion.sql("{} * 100"), Conversion.none());

            // ---- old and new code write while the backfills run
            AtomicLong nextId = new AtomicLong(INITIAL_ROWS + 1);
            Set<Long> inserted = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong writes = new AtomicLong();
            AtomicLong lockRetries = new AtomicLong();
            List<Throwable> failures = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                threads.add(writer(db, "old-" + i, true, nextId, inserted, stop, writes, lockRetries, failures));
                threads.add(writer(db, "new-" + i, false, nextId, inserted, stop, writes, lockRetries, failures));
            }
            List<BackfillResult> backfills = new ArrayList<>();
            AtomicLong writesDuringBackfill = new AtomicLong();
            Thread backfill = new Thread(() -> {
                try (Connection b = db.connect()) {
                    // Small batches with a pause, so the backfills span the writers' window.
                    BackfillOptions slow = BackfillOptions.defaults().withTargetBatchTime(Duration.ZERO).withBatchSize(25).withPause(Duration.ofMillis(20));
                    backfills.add(Backfill.run(b, d, Db.n(kind, "item"), Db.n(kind, "name"), Db.n(kind, "title"), Conversion.identity(), slow));
                    backfills.add(Backfill.run(b, d, Db.n(kind, "item"), Db.n(kind, "code"), Db.n(kind, "code_num"),
                            Conversion.cast(SQLDataType.INTEGER), slow));
                    backfills.add(Backfill.run(b, d, Db.n(kind, "item"), Db.n(kind, "price_cents"),
                            DSL.field(n("price")).times(100), slow));
                    writesDuringBackfill.set(writes.get());
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "backfill");
            long started = System.nanoTime();
            threads.forEach(Thread::start);
            backfill.start();
            Thread.sleep(WINDOW.toMillis());
            backfill.join();
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            Duration ran = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(List.of(), failures, "writers and backfill ran without errors");
            assertTrue(ran.compareTo(WINDOW) >= 0);
            assertEquals(3, backfills.size());
            assertTrue(backfills.get(0).batches() > 100, "the backfill ran in many batches during the window: " + backfills.get(0));
            assertTrue(writesDuringBackfill.get() > 200, "writers wrote while the backfills ran: " + writesDuringBackfill.get());
            assertFalse(inserted.isEmpty());

            // ---- every row: old and new values correspond
            long rows = 0;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + s("id") + ", " + s("name") + ", " + s("title")
                    + ", " + s("code") + ", " + s("code_num") + ", " + s("price") + ", " + s("price_cents") + " FROM " + s("item"))) {
                while (rs.next()) {
                    rows++;
                    long id = rs.getLong(1);
                    String name = rs.getString(2);
                    String title = rs.getString(3);
                    assertTrue(name != null && name.equals(title), "row " + id + ": name '" + name + "' vs title '" + title + "'");
                    String code = rs.getString(4);
                    int codeNum = rs.getInt(5);
                    assertFalse(rs.wasNull(), "row " + id + ": code_num is null");
                    assertEquals(code, Integer.toString(codeNum), "row " + id + ": code vs code_num");
                    BigDecimal price = rs.getBigDecimal(6);
                    long cents = rs.getLong(7);
                    assertFalse(rs.wasNull(), "row " + id + ": price_cents is null");
                    assertEquals(price.movePointRight(2).longValueExact(), cents, "row " + id + ": price vs price_cents");
                }
            }
            assertEquals(INITIAL_ROWS + inserted.size(), rows, "no row lost or added");

            // ---- contract: drop the triggers, drop old columns, tighten the new ones
            SyncTriggers.drop(c, d, Db.n(kind, "item"), Db.n(kind, "name"), Db.n(kind, "title"));
            SyncTriggers.drop(c, d, Db.n(kind, "item"), Db.n(kind, "code"), Db.n(kind, "code_num"));
            SyncTriggers.drop(c, d, Db.n(kind, "item"), Db.n(kind, "price"), Db.n(kind, "price_cents"));
            dsl.alterTable(item).dropColumn(n("name")).execute();
            dsl.alterTable(item).dropColumn(n("code")).execute();
            setNotNull(item, "title", SQLDataType.VARCHAR(100));
            setNotNull(item, "code_num", SQLDataType.INTEGER);
            setNotNull(item, "price_cents", SQLDataType.BIGINT);

            Map<String, String> columns = columns(c, db);
            Map<String, String> expected = new TreeMap<>();
            expected.put(Db.n(kind, "id"), "NO");
            expected.put(Db.n(kind, "title"), "NO");
            expected.put(Db.n(kind, "code_num"), "NO");
            expected.put(Db.n(kind, "price"), "NO");
            expected.put(Db.n(kind, "price_cents"), "NO");
            assertEquals(expected, columns, "the schema is the new model's");
            assertEquals(List.of(), Db.ownTriggersAndFunctions(db, c), "no Concertina trigger or function left");

            Set<Long> ids = ConcurrentHashMap.newKeySet();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + s("id") + " FROM " + s("item"))) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id = 1; id <= INITIAL_ROWS; id++) {
                assertTrue(ids.contains(id), "initial row " + id + " kept");
            }
            assertTrue(ids.containsAll(inserted), "every row a writer inserted is there");
            assertEquals(INITIAL_ROWS + inserted.size(), ids.size());

            // ---- a change with no safe mapping: the write guard stops old code, reads go on
            String message = "item is read-only during the upgrade to 2026.2";
            WriteGuard.install(c, d, Db.n(kind, "item"), message);
            SQLException refused = assertThrows(SQLException.class, () -> Db.exec(c, "UPDATE " + s("item") + " SET "
                    + s("price") + " = 1 WHERE " + s("id") + " = 1"));
            assertTrue(refused.getMessage().contains(message), refused.getMessage());
            assertEquals((long) INITIAL_ROWS + inserted.size(), ((Number) Db.one(c, "SELECT COUNT(*) FROM " + s("item"))).longValue());
            WriteGuard.drop(c, d, Db.n(kind, "item"));
        }
    }

    private void setNotNull(Name table, String column, DataType<?> type) {
        if (kind == DbKind.MARIADB) {
            // MariaDB changes nullability by restating the whole column (MODIFY with its type).
            dsl.alterTable(table).alterColumn(n(column)).set(type.nullable(false)).execute();
        } else {
            dsl.alterTable(table).alterColumn(n(column)).setNotNull().execute();
        }
    }

    private Map<String, String> columns(Connection c, FreshDatabase db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DbKind.MARIADB ? db.name() : null;
        String schema = kind == DbKind.MARIADB ? null : db.schema();
        try (ResultSet rs = md.getColumns(catalog, schema, Db.n(kind, "item"), "%")) {
            while (rs.next()) {
                out.put(rs.getString("COLUMN_NAME"), rs.getString("IS_NULLABLE"));
            }
        }
        return out;
    }

    /**
     * A writer thread. Old code knows {@code name, code, price}; new code knows {@code title,
     * code_num, price, price_cents}. Each inserts new rows and updates random rows, sometimes one
     * column, sometimes all it knows, with case-only changes now and then.
     */
    private Thread writer(FreshDatabase db, String label, boolean old, AtomicLong nextId, Set<Long> inserted, AtomicBoolean stop,
                          AtomicLong writes, AtomicLong lockRetries, List<Throwable> failures) {
        String item = s("item");
        String insert = old
                ? "INSERT INTO " + item + " (" + s("id") + ", " + s("name") + ", " + s("code") + ", " + s("price") + ") VALUES (?, ?, ?, ?)"
                : "INSERT INTO " + item + " (" + s("id") + ", " + s("title") + ", " + s("code_num") + ", " + s("price") + ", "
                        + s("price_cents") + ") VALUES (?, ?, ?, ?, ?)";
        String where = " WHERE " + s("id") + " = ?";
        String text = s(old ? "name" : "title");
        String code = s(old ? "code" : "code_num");
        return new Thread(() -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            try (Connection c = db.connect()) {
                while (!stop.get()) {
                    try {
                        int op = r.nextInt(10);
                        if (op < 3) {
                            long id = nextId.getAndIncrement();
                            long price = r.nextLong(1, 1_000_000);
                            try (PreparedStatement ps = c.prepareStatement(insert)) {
                                ps.setLong(1, id);
                                ps.setString(2, label + " " + id);
                                if (old) {
                                    ps.setString(3, Integer.toString(r.nextInt(1, 1_000_000)));
                                    ps.setBigDecimal(4, BigDecimal.valueOf(price, 2));
                                } else {
                                    ps.setInt(3, r.nextInt(1, 1_000_000));
                                    ps.setBigDecimal(4, BigDecimal.valueOf(price, 2));
                                    ps.setLong(5, price);
                                }
                                ps.executeUpdate();
                            }
                            inserted.add(id);
                        } else {
                            long id = r.nextLong(1, nextId.get());
                            int what = r.nextInt(4);
                            if (what == 0) {
                                // a case-only change must still sync (MariaDB's <=> would call them equal)
                                String v = (label + " " + id + " v" + r.nextInt(100));
                                update(c, "UPDATE " + item + " SET " + text + " = ?" + where, r.nextBoolean() ? v.toUpperCase() : v, id);
                            } else if (what == 1) {
                                update(c, "UPDATE " + item + " SET " + code + " = ?" + where,
                                        old ? (Object) Integer.toString(r.nextInt(1, 1_000_000)) : (Object) r.nextInt(1, 1_000_000), id);
                            } else if (what == 2) {
                                long price = r.nextLong(1, 1_000_000);
                                if (old) {
                                    update(c, "UPDATE " + item + " SET " + s("price") + " = ?" + where, BigDecimal.valueOf(price, 2), id);
                                } else {
                                    update(c, "UPDATE " + item + " SET " + s("price") + " = ?, " + s("price_cents") + " = ?" + where,
                                            BigDecimal.valueOf(price, 2), price, id);
                                }
                            } else {
                                long price = r.nextLong(1, 1_000_000);
                                String v = label + " all " + id;
                                int num = r.nextInt(1, 1_000_000);
                                if (old) {
                                    update(c, "UPDATE " + item + " SET " + text + " = ?, " + code + " = ?, " + s("price") + " = ?" + where,
                                            v, Integer.toString(num), BigDecimal.valueOf(price, 2), id);
                                } else {
                                    update(c, "UPDATE " + item + " SET " + text + " = ?, " + code + " = ?, " + s("price") + " = ?, "
                                            + s("price_cents") + " = ?" + where, v, num, BigDecimal.valueOf(price, 2), price, id);
                                }
                            }
                        }
                        writes.incrementAndGet();
                        // A breath between writes: the machine is shared, and overlap, not load, is what is tested.
                        Thread.sleep(1);
                    } catch (SQLException e) {
                        if (!retryable(e)) {
                            throw e;
                        }
                        lockRetries.incrementAndGet();
                    }
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }, label);
    }

    private boolean retryable(SQLException e) {
        return dev.concertina.runtime.expand.dialect.ExpandDialect.of(d).isRetryable(e);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
