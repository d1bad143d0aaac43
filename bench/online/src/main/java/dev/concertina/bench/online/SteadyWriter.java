package dev.concertina.bench.online;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application: one connection writing single rows at a fixed rate, alternating an INSERT of a
 * new row and an UPDATE of a random existing one (auto-commit). Each write's latency is measured
 * from the moment it was due, not from when it started, so a stall also counts against the writes
 * queued behind it (no coordinated omission). Errors are counted, never retried.
 */
final class SteadyWriter implements Runnable {

    /**
     * One write: when it was due and when it started (ns, monotonic), how late it finished after it
     * was due, and how long it took from its start.
     */
    record Sample(long dueNanos, long startNanos, long latencyNanos, long serviceNanos, boolean failed) {}

    private final Connection c;
    private final int perSecond;
    private final long firstNewId;
    private final long existingRows;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private volatile String lastError = "";
    private volatile long lastDoneDue = Long.MIN_VALUE;

    SteadyWriter(Connection c, int perSecond, long existingRows) {
        this.c = c;
        this.perSecond = perSecond;
        this.existingRows = existingRows;
        this.firstNewId = existingRows + 1_000_000_000L;
    }

    @Override
    public void run() {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        long newId = firstNewId;
        try (PreparedStatement insert = c.prepareStatement("insert into bench_item (id, account_id, email, code, qty, note)"
                + " values (?, ?, ?, ?, 1, 'n')");
             PreparedStatement update = c.prepareStatement("update bench_item set qty = qty + 1, note = 'u' where id = ?")) {
            boolean doInsert = true;
            while (running.get()) {
                long now = System.nanoTime();
                if (now < next) {
                    sleepNanos(next - now);
                    continue;
                }
                boolean failed = false;
                long started = System.nanoTime();
                try {
                    if (doInsert) {
                        insert.setLong(1, newId);
                        insert.setInt(2, (int) (newId % 1000) + 1);
                        insert.setString(3, "w" + newId + "@example.org");
                        insert.setString(4, "w" + newId);
                        insert.executeUpdate();
                        newId++;
                    } else {
                        update.setLong(1, 1 + ThreadLocalRandom.current().nextLong(existingRows));
                        update.executeUpdate();
                    }
                } catch (SQLException e) {
                    failed = true;
                    lastError = e.getMessage();
                }
                long end = System.nanoTime();
                samples.add(new Sample(next, started, end - next, end - started, failed));
                lastDoneDue = next;
                doInsert = !doInsert;
                next += interval;
            }
        } catch (SQLException e) {
            lastError = e.getMessage();
        }
    }

    /** Waits (at most {@code maxMillis}) until every write due before {@code dueNanos} has finished. */
    void awaitCaughtUp(long dueNanos, long maxMillis) throws InterruptedException {
        long give = System.currentTimeMillis() + maxMillis;
        while (lastDoneDue < dueNanos - 1_000_000_000L / perSecond && System.currentTimeMillis() < give) {
            Thread.sleep(20);
        }
    }

    void stop() {
        running.set(false);
    }

    String lastError() {
        return lastError;
    }

    /** The writes started between two instants. */
    List<Sample> between(long fromNanos, long toNanos) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.startNanos() >= fromNanos && s.startNanos() < toNanos).toList();
        }
    }

    private static void sleepNanos(long ns) {
        try {
            Thread.sleep(ns / 1_000_000, (int) (ns % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
