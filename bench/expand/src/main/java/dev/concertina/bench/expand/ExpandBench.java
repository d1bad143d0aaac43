package dev.concertina.bench.expand;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.expand.Backfill;
import dev.concertina.runtime.expand.BackfillListener;
import dev.concertina.runtime.expand.BackfillOptions;
import dev.concertina.runtime.expand.BackfillProgress;
import dev.concertina.runtime.expand.BackfillResult;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.runtime.expand.SyncTriggers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.impl.SQLDataType;

/**
 * Benchmarks of the expand helpers on the local PostgreSQL and MariaDB servers (bench/expand/RESULTS.md):
 *
 * <ul>
 *   <li>{@code writes}: old-code writes (single-row INSERT and UPDATE of the old columns, auto-commit,
 *       several threads) per second, with the sync triggers of a rename and a type change installed
 *       vs without; rounds alternate the two (ABBA) so drift of the shared machine hits both.</li>
 *   <li>{@code backfill}: filling a column of N rows with {@link Backfill} vs one plain
 *       {@code UPDATE t SET title = name}, each on a freshly loaded table; the time every batch holds
 *       its row locks (UPDATE to COMMIT) is recorded.</li>
 * </ul>
 *
 * Arguments: {@code writes|backfill|all postgres|mariadb|both [--rounds N] [--seconds S] [--threads T]
 * [--rows R] [--batch B] [--target MS]}.
 */
public final class ExpandBench {

    private int rounds = 3;
    private int seconds = 10;
    private int threads = 4;
    private int rows = 1_000_000;
    private int batch = 1_000;
    private int preload = 50_000;
    private int targetMs = 25;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: writes|backfill|all postgres|mariadb|both [--rounds N] [--seconds S] [--threads T] [--rows R] [--batch B]");
            System.exit(64);
        }
        ExpandBench b = new ExpandBench();
        for (int i = 2; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--rounds": b.rounds = v; break;
                case "--seconds": b.seconds = v; break;
                case "--threads": b.threads = v; break;
                case "--rows": b.rows = v; break;
                case "--batch": b.batch = v; break;
                case "--target": b.targetMs = v; break;
                default: throw new IllegalArgumentException(args[i]);
            }
        }
        List<Dialect> dbs = args[1].equals("both") ? List.of(Dialect.POSTGRES, Dialect.MARIADB)
                : List.of(Dialect.fromLabel(args[1]));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), loadAverage());
        for (Dialect d : dbs) {
            try (Server s = new Server(d)) {
                System.out.println("server: " + s.version());
                if (args[0].equals("writes") || args[0].equals("all")) {
                    b.writes(s);
                }
                if (args[0].equals("backfill") || args[0].equals("all")) {
                    b.backfill(s);
                }
            }
        }
    }

    // ------------------------------------------------------------------ writes

    private void writes(Server s) throws Exception {
        try (Connection c = s.connect()) {
            exec(c, "DROP TABLE IF EXISTS " + s.q("bench_item"),
                    "CREATE TABLE " + s.q("bench_item") + " (" + s.q("id") + " BIGINT PRIMARY KEY, " + s.q("name") + " VARCHAR(100), "
                            + s.q("title") + " VARCHAR(100), " + s.q("code") + " VARCHAR(20), " + s.q("code_num") + " INT, "
                            + s.q("price") + " DECIMAL(10,2))");
            exec(c, s.dialect == Dialect.POSTGRES
                    ? "INSERT INTO bench_item SELECT g, 'item ' || g, 'item ' || g, g::text, g, 1.5 FROM generate_series(1, " + preload + ") g"
                    : "INSERT INTO bench_item SELECT seq, CONCAT('item ', seq), CONCAT('item ', seq), seq, seq, 1.5 FROM seq_1_to_" + preload);
        }
        AtomicLong nextId = new AtomicLong(preload + 1);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> cpuWithout = new ArrayList<>();
        List<Double> cpuWith = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean triggersFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean triggers = (k == 0) == triggersFirst;
                try (Connection c = s.connect()) {
                    if (triggers) {
                        SyncTriggers.install(c, s.dialect, "bench_item", "name", "title", Conversion.identity(), Conversion.identity());
                        SyncTriggers.install(c, s.dialect, "bench_item", "code", "code_num",
                                Conversion.cast(SQLDataType.INTEGER), Conversion.cast(SQLDataType.VARCHAR(20)));
                    } else {
                        SyncTriggers.drop(c, s.dialect, "bench_item", "name", "title");
                        SyncTriggers.drop(c, s.dialect, "bench_item", "code", "code_num");
                    }
                }
                double[] rate = oldCodeWrites(s, nextId);
                (triggers ? with : without).add(rate[0]);
                (triggers ? cpuWith : cpuWithout).add(rate[1]);
                System.out.printf(Locale.ROOT, "%s writes round %d %-16s %,10.0f writes/s, server CPU %.1f us/write%n", s.dialect.label(), r + 1,
                        triggers ? "with triggers" : "without triggers", rate[0], rate[1]);
            }
        }
        double kept = median(with) / median(without);
        System.out.printf(Locale.ROOT, "RESULT %s writes/s (%d threads, %d s x %d rounds): without %s | with %s | kept %.1f %% (target >= 80 %%)"
                + " | server CPU us/write without %s, with %s%n",
                s.dialect.label(), threads, seconds, rounds, summary(without), summary(with), kept * 100, summary(cpuWithout), summary(cpuWith));
    }

    /**
     * CPU ticks (1/100 s) used so far by the local database server's processes (mariadbd/mysqld, or
     * every postgres backend), read from /proc: where the time of a write goes on the server side.
     */
    private static long serverCpuTicks(Dialect d) {
        long ticks = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (procs == null) {
            return 0;
        }
        for (java.io.File p : procs) {
            try {
                String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                boolean server = d == Dialect.POSTGRES ? comm.equals("postgres") : comm.equals("mariadbd") || comm.equals("mysqld");
                if (server) {
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // The process ended while we looked.
            }
        }
        return ticks;
    }

    /** Old-code writers: half INSERTs of new rows, half UPDATEs of a random row's old columns. Returns {writes/s, server CPU us/write}. */
    private double[] oldCodeWrites(Server s, AtomicLong nextId) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = Collections.synchronizedList(new ArrayList<>());
        String insert = "INSERT INTO " + s.q("bench_item") + " (" + s.q("id") + ", " + s.q("name") + ", " + s.q("code") + ", "
                + s.q("price") + ") VALUES (?, ?, ?, ?)";
        String update = "UPDATE " + s.q("bench_item") + " SET " + s.q("name") + " = ?, " + s.q("code") + " = ? WHERE " + s.q("id") + " = ?";
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                try (Connection c = s.connect();
                     PreparedStatement ins = c.prepareStatement(insert);
                     PreparedStatement upd = c.prepareStatement(update)) {
                    while (!stop.get()) {
                        if (r.nextBoolean()) {
                            long id = nextId.getAndIncrement();
                            ins.setLong(1, id);
                            ins.setString(2, "new " + id);
                            ins.setString(3, Long.toString(id));
                            ins.setBigDecimal(4, BigDecimal.valueOf(r.nextInt(100_000), 2));
                            ins.executeUpdate();
                        } else {
                            int code = r.nextInt(1, 1_000_000);
                            upd.setString(1, "upd " + code);
                            upd.setString(2, Integer.toString(code));
                            upd.setLong(3, r.nextLong(1, preload));
                            upd.executeUpdate();
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        Thread.sleep(1_000); // warm-up, not counted
        long from = done.get();
        long cpu0 = serverCpuTicks(s.dialect);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long count = done.get() - from;
        long cpu = serverCpuTicks(s.dialect) - cpu0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return new double[] {count / elapsed, cpu * 10_000.0 / Math.max(1, count)};
    }

    // ---------------------------------------------------------------- backfill

    private void backfill(Server s) throws Exception {
        List<Double> plain = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        List<Double> longest = new ArrayList<>();
        List<Double> p99s = new ArrayList<>();
        long over200 = 0;
        for (int r = 0; r < rounds; r++) {
            try (Connection c = s.connect()) {
                load(s, c);
                long t0 = System.nanoTime();
                exec(c, "UPDATE " + s.q("bench_fill") + " SET " + s.q("title") + " = " + s.q("name"));
                double secs = (System.nanoTime() - t0) / 1e9;
                plain.add(secs);
                System.out.printf(Locale.ROOT, "%s backfill round %d plain UPDATE   %8.2f s%n", s.dialect.label(), r + 1, secs);
            }
            try (Connection c = s.connect()) {
                load(s, c);
                List<Double> batchMs = new ArrayList<>();
                List<double[]> slow = new ArrayList<>();
                BackfillOptions options = BackfillOptions.defaults().withBatchSize(batch)
                        .withTargetBatchTime(Duration.ofMillis(targetMs)).withListener(new BackfillListener() {
                    @Override
                    public void onProgress(BackfillProgress p) {
                        double ms = p.lastBatch().toNanos() / 1e6;
                        batchMs.add(ms);
                        if (ms > 200) {
                            slow.add(new double[] {ms, p.lastCommit().toNanos() / 1e6, loadAverage()});
                        }
                    }
                });
                long t0 = System.nanoTime();
                BackfillResult result = Backfill.run(c, s.dialect, "bench_fill", "name", "title", Conversion.identity(), options);
                double secs = (System.nanoTime() - t0) / 1e9;
                if (result.rowsUpdated() != rows) {
                    throw new IllegalStateException("backfill updated " + result.rowsUpdated() + " rows, not " + rows);
                }
                batched.add(secs);
                Collections.sort(batchMs);
                double max = batchMs.get(batchMs.size() - 1);
                double p99 = batchMs.get((int) Math.floor(batchMs.size() * 0.99) - 1);
                longest.add(max);
                p99s.add(p99);
                long over = batchMs.stream().filter(ms -> ms > 200).count();
                over200 += over;
                for (double[] b : slow) {
                    System.out.printf(Locale.ROOT, "  batch over 200 ms: %.1f ms, of which commit %.1f ms; load average %.1f%n", b[0], b[1], b[2]);
                }
                System.out.printf(Locale.ROOT, "%s backfill round %d Backfill.run     %8.2f s  %d batches (first %d rows, target %d ms), lock held: median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 200 ms, %d retries%n",
                        s.dialect.label(), r + 1, secs, batchMs.size(), batch, targetMs, batchMs.get(batchMs.size() / 2), p99, max, over, result.retries());
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %s backfill of %,d rows (first batch %d, target %d ms, %d rounds): plain UPDATE %s s | Backfill.run %s s | ratio %.2fx (target <= 2x) | batch lock held p99 %s ms, max %s ms, %d batches over 200 ms%n",
                s.dialect.label(), rows, batch, targetMs, rounds, summary(plain), summary(batched), median(batched) / median(plain),
                summary(p99s), summary(longest), over200);
    }

    private void load(Server s, Connection c) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS " + s.q("bench_fill"),
                "CREATE TABLE " + s.q("bench_fill") + " (" + s.q("id") + " BIGINT PRIMARY KEY, " + s.q("name") + " VARCHAR(100) NOT NULL, "
                        + s.q("title") + " VARCHAR(100))",
                s.dialect == Dialect.POSTGRES
                        ? "INSERT INTO bench_fill SELECT g, 'name ' || g, NULL FROM generate_series(1, " + rows + ") g"
                        : "INSERT INTO bench_fill SELECT seq, CONCAT('name ', seq), NULL FROM seq_1_to_" + rows);
        if (s.dialect == Dialect.POSTGRES) {
            exec(c, "VACUUM ANALYZE bench_fill", "CHECKPOINT");
        } else {
            exec(c, "ANALYZE TABLE bench_fill");
        }
    }

    // ----------------------------------------------------------------- helpers

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String summary(List<Double> values) {
        return String.format(Locale.ROOT, "median %s (min %s, max %s)", fmt(median(values)), fmt(Collections.min(values)),
                fmt(Collections.max(values)));
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }

    /** A scratch database of its own on the local server, dropped at the end. */
    private static final class Server implements AutoCloseable {
        final Dialect dialect;
        final String name = "cc_bench_" + Long.toString(System.nanoTime(), 36);
        final String admin;
        final String url;
        final String user;

        Server(Dialect dialect) throws SQLException {
            this.dialect = dialect;
            if (dialect == Dialect.POSTGRES) {
                admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
                url = "jdbc:postgresql://127.0.0.1:5432/" + name;
                user = "postgres";
            } else {
                admin = "jdbc:mariadb://127.0.0.1:3306/";
                url = "jdbc:mariadb://127.0.0.1:3306/" + name;
                user = "root";
            }
            try (Connection c = DriverManager.getConnection(admin, user, "")) {
                exec(c, "CREATE DATABASE " + name);
            }
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        String q(String identifier) {
            return new dev.concertina.runtime.expand.dialect.SqlText(dialect).name(identifier);
        }

        String version() throws SQLException {
            try (Connection c = connect()) {
                return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(admin, user, "")) {
                exec(c, dialect == Dialect.POSTGRES ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
            }
        }
    }

}
