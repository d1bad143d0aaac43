package dev.concertina.bench.online;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Revision;
import dev.concertina.runtime.expand.Backfill;
import dev.concertina.runtime.expand.BackfillOptions;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.runtime.expand.RowCopy;
import dev.concertina.runtime.expand.SyncTriggers;
import dev.concertina.runtime.expand.TableSync;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.Sql;
import dev.concertina.runtime.online.LockRetry;
import dev.concertina.runtime.online.OnlineDdl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Writer latency while a schema change runs, the naive statement against Concertina's form
 * ({@code OnlineDdl}, sync triggers and a batched backfill), on a large table with a steady
 * single-row writer (bench/online/README.md). Per step kind and form: the writer's p50 / p99 / max
 * latency (each write from its start to its end) and its longest stall (the longest gap between two
 * writes finishing), over the writes started while the step ran.
 *
 * <p>Arguments: {@code postgres|mariadb|both [--rows N] [--rate W] [--steps a,b,…] [--db NAME]}; steps:
 * index, unique, fk, check, notnull, dropcolumn, rename, renametable, changetype.
 */
public final class OnlineBench {

    @Revision(id = "bench", branch = Branch.EXPAND, transactional = false)
    public static final class Online implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {}
    }

    private long rows = 1_000_000;
    private int rate = 100;
    private String db = "concertina_bench_online";
    private List<String> steps = List.of("index", "unique", "fk", "check", "notnull", "dropcolumn", "rename", "renametable", "changetype");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: postgres|mariadb|both [--rows N] [--rate W] [--steps index,unique,fk,check,notnull,dropcolumn,rename,renametable,changetype] [--db NAME]");
            System.exit(64);
        }
        OnlineBench b = new OnlineBench();
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> b.rows = Long.parseLong(args[i + 1].replace("_", ""));
                case "--rate" -> b.rate = Integer.parseInt(args[i + 1]);
                case "--steps" -> b.steps = List.of(args[i + 1].split(","));
                // Two runs at once (say, one step on a smaller table) each need a database of their own.
                case "--db" -> b.db = args[i + 1].replaceAll("[^a-z0-9_]", "");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Dialect> dbs = switch (args[0]) {
            case "postgres" -> List.of(Dialect.POSTGRES);
            case "mariadb" -> List.of(Dialect.MARIADB);
            default -> List.of(Dialect.POSTGRES, Dialect.MARIADB);
        };
        System.out.printf(Locale.ROOT, "rows %,d, writer %d writes/s (half INSERT, half UPDATE), load %s%n", b.rows, b.rate, load());
        System.out.println("| database | step | form | step time | writes | p50 ms | p99 ms | max ms | longest stall ms | failed |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Dialect d : dbs) {
            b.run(d);
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static Connection connect(Dialect d, String db) throws SQLException {
        return d == Dialect.POSTGRES
                ? DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "")
                : DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + db, "root", "");
    }

    private void run(Dialect d) throws Exception {
        try (Connection admin = connect(d, d == Dialect.POSTGRES ? "postgres" : ""); Statement s = admin.createStatement()) {
            s.execute((d == Dialect.POSTGRES ? "drop database if exists " + db + " with (force)" : "drop database if exists " + db));
            s.execute("create database " + db);
        }
        try (Connection setup = connect(d, db); Connection ddl = connect(d, db); Connection app = connect(d, db)) {
            long t0 = System.nanoTime();
            load(d, setup);
            System.err.printf(Locale.ROOT, "%s: %,d rows loaded in %.0f s%n", d.label(), rows, (System.nanoTime() - t0) / 1e9);
            SteadyWriter writer = new SteadyWriter(app, rate, rows);
            Thread w = new Thread(writer, "writer");
            w.start();
            Thread.sleep(2000); // warm up
            try {
                for (String step : steps) {
                    for (String form : List.of("naive", "concertina")) {
                        undo(d, setup, step);
                        // Start each step with the writer on schedule, and count the writes due while it ran.
                        writer.awaitCaughtUp(System.nanoTime(), 600_000);
                        Thread.sleep(1000);
                        long from = System.nanoTime();
                        measureStep(d, ddl, step, form);
                        long to = System.nanoTime();
                        writer.awaitCaughtUp(to, 600_000);
                        report(d, step, form, to - from, writer.between(from, to));
                    }
                }
            } finally {
                writer.stop();
                w.join();
            }
            if (!writer.lastError().isEmpty()) {
                System.err.println("last writer error: " + writer.lastError());
            }
        }
    }

    private void load(Dialect d, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table bench_account (id int primary key)");
            s.execute("create table bench_item (id bigint primary key, account_id int not null, email varchar(64),"
                    + " code varchar(32), qty int not null, note varchar(16), legacy varchar(16))");
            // legacy: a column the new release no longer writes (the drop-column step).
            if (d == Dialect.POSTGRES) {
                s.execute("insert into bench_account select g from generate_series(1, 1000) g");
                s.execute("insert into bench_item select g, 1 + g % 1000, 'u' || g || '@example.org', 'c' || g, g % 100, 'n', 'l'"
                        + " from generate_series(1, " + rows + ") g");
                s.execute("vacuum analyze bench_item");
            } else {
                s.execute("insert into bench_account select seq from seq_1_to_1000");
                for (long from = 1; from <= rows; from += 1_000_000) {
                    long to = Math.min(rows, from + 999_999);
                    s.execute("insert into bench_item select seq, 1 + seq % 1000, concat('u', seq, '@example.org'), concat('c', seq),"
                            + " seq % 100, 'n', 'l' from seq_" + from + "_to_" + to);
                }
                s.execute("analyze table bench_item");
            }
        }
    }

    private static Name n(String s) {
        return DSL.quotedName(s);
    }

    /** Puts the table back as it was before the step (not measured). */
    private void undo(Dialect d, Connection c, String step) throws SQLException {
        try (Statement s = c.createStatement()) {
            switch (step) {
                case "index" -> s.execute("drop index if exists ix_bench_email" + (d == Dialect.POSTGRES ? "" : " on bench_item"));
                case "unique" -> s.execute(d == Dialect.POSTGRES ? "alter table bench_item drop constraint if exists uq_bench_code"
                        : "alter table bench_item drop index if exists uq_bench_code");
                case "fk" -> {
                    s.execute(d == Dialect.POSTGRES ? "alter table bench_item drop constraint if exists fk_bench_account"
                            : "alter table bench_item drop foreign key if exists fk_bench_account");
                    if (d != Dialect.POSTGRES) {
                        s.execute("alter table bench_item drop index if exists fk_bench_account");
                    }
                }
                case "check" -> {
                    s.execute("alter table bench_item drop constraint if exists ck_bench_qty");
                    if (d != Dialect.POSTGRES) {
                        // MariaDB's online check swaps in a shadow table, which it refuses for a table with foreign
                        // keys (they would not follow the rename): the fk step's key goes first.
                        undo(d, c, "fk");
                    }
                }
                case "notnull" -> s.execute(d == Dialect.POSTGRES ? "alter table bench_item alter column note drop not null"
                        : "alter table bench_item modify note varchar(16) null");
                case "dropcolumn" -> s.execute("alter table bench_item add column if not exists legacy varchar(16)");
                case "rename" -> {
                    try {
                        SyncTriggers.drop(c, d, "bench_item", "email", "contact");
                    } catch (RuntimeException none) {
                        // Not installed yet.
                    }
                    s.execute("alter table bench_item drop column if exists contact");
                }
                case "changetype" -> {
                    s.execute("alter table bench_item drop constraint if exists ck_bench_qty");
                    s.execute(d == Dialect.POSTGRES ? "alter table bench_item alter column qty type int"
                            : "alter table bench_item modify qty int not null");
                }
                case "renametable" -> {
                    try {
                        TableSync.drop(c, d, "bench_item", "bench_item_renamed");
                    } catch (RuntimeException none) {
                        // Not installed yet.
                    }
                    s.execute("drop table if exists bench_item_renamed");
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
    }

    /** The columns of bench_item, each kept under its name by the table sync of a renamed table. */
    private static final List<String> ITEM_COLUMNS = List.of("id", "account_id", "email", "code", "qty", "note", "legacy");

    private void measureStep(Dialect d, Connection c, String step, String form) throws Exception {
        boolean naive = form.equals("naive");
        MigrationContext ctx = new RunContext(Sql.dsl(c, d), c, d, ResolvedMigration.of(Online.class), m -> { },
                java.util.Optional.empty(), LockRetry.DEFAULTS);
        try (Statement s = c.createStatement()) {
            switch (step) {
                case "index" -> {
                    if (naive) {
                        s.execute("create index ix_bench_email on bench_item (email)");
                    } else {
                        OnlineDdl.createIndex(ctx, n("ix_bench_email"), n("bench_item"), false, n("email"));
                    }
                }
                case "unique" -> {
                    if (naive) {
                        s.execute("alter table bench_item add constraint uq_bench_code unique (code)");
                    } else {
                        OnlineDdl.addUnique(ctx, n("bench_item"), n("uq_bench_code"), n("code"));
                    }
                }
                case "fk" -> {
                    if (naive) {
                        s.execute("alter table bench_item add constraint fk_bench_account foreign key (account_id) references bench_account (id)");
                    } else {
                        OnlineDdl.addForeignKey(ctx, n("bench_item"), DSL.constraint(n("fk_bench_account")).foreignKey(n("account_id"))
                                .references(n("bench_account"), n("id")), new Name[] {n("account_id")}, n("bench_account"), new Name[] {n("id")});
                    }
                }
                case "check" -> {
                    if (naive) {
                        s.execute("alter table bench_item add constraint ck_bench_qty check (qty >= 0)");
                    } else {
                        OnlineDdl.addCheck(ctx, n("bench_item"), DSL.constraint(n("ck_bench_qty")).check(DSL.field(n("qty")).ge(0)));
                    }
                }
                case "notnull" -> {
                    if (naive) {
                        s.execute(d == Dialect.POSTGRES ? "alter table bench_item alter column note set not null"
                                : "alter table bench_item modify note varchar(16) not null");
                    } else {
                        OnlineDdl.setNotNull(ctx, n("bench_item"), n("note"), SQLDataType.VARCHAR(16).notNull());
                    }
                }
                case "dropcolumn" -> {
                    if (naive) {
                        s.execute("alter table bench_item drop column legacy");
                    } else {
                        OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("bench_item")).dropColumn(n("legacy")), n("bench_item"));
                    }
                }
                case "rename" -> {
                    // The expand of a column rename: the new column, kept equal to the old one, filled for existing rows.
                    if (naive) {
                        s.execute("alter table bench_item add column contact varchar(64)");
                        s.execute("update bench_item set contact = email");
                    } else {
                        OnlineDdl.execute(ctx, ctx.dsl().alterTable(n("bench_item")).addColumn(n("contact"), SQLDataType.VARCHAR(64)),
                                n("bench_item"));
                        SyncTriggers.install(ctx, "bench_item", "email", "contact", Conversion.identity(), Conversion.identity());
                        Backfill.run(ctx, "bench_item", "email", "contact", Conversion.identity(), BackfillOptions.defaults());
                    }
                }
                case "changetype" -> {
                    // A widening type change in expand: int -> bigint, which PostgreSQL and MariaDB rewrite.
                    if (naive) {
                        s.execute(d == Dialect.POSTGRES ? "alter table bench_item alter column qty type bigint"
                                : "alter table bench_item modify qty bigint not null");
                    } else {
                        OnlineDdl.changeType(ctx, n("bench_item"), n("qty"), SQLDataType.BIGINT.notNull());
                    }
                }
                case "renametable" -> {
                    // The expand of a table rename: the new table, kept equal to the old one by triggers both ways,
                    // filled with the existing rows. Naive: all of it in one transaction with one INSERT … SELECT …
                    // WHERE NOT EXISTS (the form before issue 14, a transactional expand revision; MariaDB commits
                    // each DDL statement anyway).
                    c.setAutoCommit(!naive);
                    s.execute("create table bench_item_renamed (id bigint primary key, account_id int not null, email varchar(64),"
                            + " code varchar(32), qty int not null, note varchar(16), legacy varchar(16))");
                    TableSync.install(c, d, "bench_item", "bench_item_renamed", ITEM_COLUMNS.stream().map(TableSync::column).toList(),
                            List.of("id"));
                    List<Field<?>> values = new ArrayList<>(ITEM_COLUMNS.stream().map(x -> DSL.field(n(x))).toList());
                    if (naive) {
                        TableSync.withoutSync(c, d, () -> {
                            try {
                                s.execute("insert into bench_item_renamed select * from bench_item o where not exists"
                                        + " (select 1 from bench_item_renamed n where n.id = o.id)");
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        c.commit();
                        c.setAutoCommit(true);
                    } else {
                        RowCopy.run(c, d, "bench_item", "bench_item_renamed", ITEM_COLUMNS, values, List.of("id"), List.of("id"),
                                BackfillOptions.defaults());
                    }
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
    }

    private static void report(Dialect d, String step, String form, long stepNanos, List<SteadyWriter.Sample> samples) {
        // Service time (start to end of each write): on a loaded machine the writer may fall behind its
        // schedule, and the delay since a write was due then measures the backlog, not the step.
        List<Long> lat = new ArrayList<>(samples.stream().map(SteadyWriter.Sample::serviceNanos).sorted().toList());
        long failed = samples.stream().filter(SteadyWriter.Sample::failed).count();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f s | %d | %.1f | %.1f | %.0f | %.0f | %d |%n", d.label(), step, form,
                stepNanos / 1e9, lat.size(), pct(lat, 0.50), pct(lat, 0.99), pct(lat, 1.0), stall(samples), failed);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(i, 0)) / 1e6;
    }

    /**
     * The longest stretch in which no write finished: the largest gap between two consecutive
     * completions, or the longest write when that is longer (a single blocked write).
     */
    private static double stall(List<SteadyWriter.Sample> samples) {
        long[] done = samples.stream().mapToLong(x -> x.startNanos() + x.serviceNanos()).sorted().toArray();
        long gap = samples.stream().mapToLong(SteadyWriter.Sample::serviceNanos).max().orElse(0);
        for (int i = 1; i < done.length; i++) {
            gap = Math.max(gap, done[i] - done[i - 1]);
        }
        return gap / 1e6;
    }
}
