package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.expand.dialect.ExpandDialect;
import dev.concertina.runtime.expand.dialect.SqlText;
import dev.concertina.runtime.internal.TestPause;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Fills a new column of an existing table from an expression, in keyset batches on the primary
 * key, each its own short transaction: {@code UPDATE t SET target = expr WHERE key in (last, upper]
 * AND target IS NULL}. Rows whose target is already set (by the sync trigger, by new code, by an
 * earlier run) are left alone, so the backfill is idempotent and never overwrites a newer value.
 *
 * <p>Each batch sets a short lock timeout (PostgreSQL {@code SET LOCAL lock_timeout}, MariaDB the
 * session's {@code innodb_lock_wait_timeout}, H2 {@code SET LOCK_TIMEOUT}); a batch that times out
 * or deadlocks is rolled back and retried with a growing delay. After every batch the last key is
 * written to {@code concertina_backfill} in the same transaction, so a run that is killed goes on
 * after its last committed batch; the row is deleted when the backfill finishes.
 *
 * <p>The run stops at the largest key present when it starts: run it after the sync triggers are
 * installed, and rows inserted later are already complete (the trigger filled them), so the
 * backfill never chases writers appending at the end of the table.
 *
 * <p>The backfill commits after every batch, so it refuses a connection that is inside a
 * transaction (auto-commit off). Sync triggers ignore the backfill's own writes, so the old
 * column is never rewritten with {@code down(up(old))}.
 *
 * <p>Over 400 lines on purpose: the batch loop, its lock-timeout retries, its pacing and its
 * checkpoint are one mechanism; the keyset query and the checkpoint store are already apart.
 */
public final class Backfill {

    private static final Settings RENDER = new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS);

    private Backfill() {}

    /**
     * {@link #run(Connection, Dialect, String, String, String, Conversion, BackfillOptions)} on the
     * migration's connection; progress also goes to {@link MigrationContext#progress}. The revision
     * must be {@code @Revision(transactional = false)} on PostgreSQL (batches commit one by one).
     */
    public static BackfillResult run(
            MigrationContext ctx,
            String table,
            String sourceColumn,
            String targetColumn,
            Conversion conversion,
            BackfillOptions options) {
        BackfillResult[] result = {BackfillResult.skipped(table, targetColumn)};
        ctx.step(
                "backfill \"" + table + "\".\"" + targetColumn + "\" from \"" + sourceColumn + "\"",
                () -> result[0] = run(
                        ctx.connection(),
                        ctx.dialect(),
                        table,
                        sourceColumn,
                        targetColumn,
                        conversion,
                        reporting(ctx, options)));
        return result[0];
    }

    /** {@link #run(Connection, Dialect, String, String, Field, BackfillOptions)} on the migration's connection. */
    public static BackfillResult run(
            MigrationContext ctx, String table, String targetColumn, Field<?> expression, BackfillOptions options) {
        BackfillResult[] result = {BackfillResult.skipped(table, targetColumn)};
        ctx.step(
                "backfill \"" + table + "\".\"" + targetColumn + "\"",
                () -> result[0] =
                        run(ctx.connection(), ctx.dialect(), table, targetColumn, expression, reporting(ctx, options)));
        return result[0];
    }

    /** {@link #run(MigrationContext, String, String, String, Conversion, BackfillOptions)} with {@code SchemaNames} names. */
    public static BackfillResult run(
            MigrationContext ctx,
            org.jooq.Name table,
            org.jooq.Name sourceColumn,
            org.jooq.Name targetColumn,
            Conversion conversion,
            BackfillOptions options) {
        return run(ctx, table.last(), sourceColumn.last(), targetColumn.last(), conversion, options);
    }

    /** {@link #run(MigrationContext, String, String, Field, BackfillOptions)} with {@code SchemaNames} names. */
    public static BackfillResult run(
            MigrationContext ctx,
            org.jooq.Name table,
            org.jooq.Name targetColumn,
            Field<?> expression,
            BackfillOptions options) {
        return run(ctx, table.last(), targetColumn.last(), expression, options);
    }

    static BackfillOptions reporting(MigrationContext ctx, BackfillOptions options) {
        BackfillListener own = options.listener();
        return options.withListener(new BackfillListener() {
            @Override
            public void onProgress(BackfillProgress progress) {
                own.onProgress(progress);
                ctx.progress(progress.describe());
            }

            @Override
            public void onRetry(String table, String column, int attempt, Duration delay, String reason) {
                own.onRetry(table, column, attempt, delay, reason);
                ctx.progress("backfill \"" + table + "\".\"" + column + "\": batch retry " + attempt + " in "
                        + delay.toMillis() + " ms after: " + reason);
            }
        });
    }

    /**
     * Sets {@code targetColumn := conversion(sourceColumn)} on every row where the target is null
     * and the source is not.
     */
    public static BackfillResult run(
            Connection connection,
            Dialect dialect,
            String table,
            String sourceColumn,
            String targetColumn,
            Conversion conversion,
            BackfillOptions options) {
        if (!conversion.copies()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "backfill \"" + table + "\".\"" + targetColumn + "\": the conversion cannot be none");
        }
        SqlText sql = new SqlText(dialect);
        String source = sql.name(sourceColumn);
        return new Run(
                        connection,
                        dialect,
                        table,
                        targetColumn,
                        update(sql, table, targetColumn, conversion.render(dialect, source)) + " AND " + source
                                + " IS NOT NULL",
                        options)
                .execute();
    }

    /**
     * Sets {@code targetColumn := expression} on every row where the target is null; the jOOQ
     * expression may use any columns of the row ({@code DSL.field(DSL.name("price")).times(100)}).
     */
    public static BackfillResult run(
            Connection connection,
            Dialect dialect,
            String table,
            String targetColumn,
            Field<?> expression,
            BackfillOptions options) {
        String rendered = DSL.using(dialect.jooq(), RENDER)
                .renderContext()
                .paramType(ParamType.INLINED)
                .render(expression);
        return new Run(
                        connection,
                        dialect,
                        table,
                        targetColumn,
                        update(new SqlText(dialect), table, targetColumn, rendered),
                        options)
                .execute();
    }

    /** Each batch's {@code UPDATE}: rows already filled (by a trigger, new code, an earlier run) are left alone. */
    private static String update(SqlText sql, String table, String column, String expression) {
        String target = sql.name(column);
        return "UPDATE " + sql.name(table) + " SET " + target + " = " + expression + " WHERE " + target + " IS NULL";
    }

    static String render(Dialect dialect, Field<?> expression) {
        return DSL.using(dialect.jooq(), RENDER)
                .renderContext()
                .paramType(ParamType.INLINED)
                .render(expression);
    }

    /**
     * One run of batches over a table's keys; not thread-safe, used once. {@code column} names what
     * is filled, in messages and in the checkpoint (a {@link RowCopy} gives its new table).
     */
    static final class Run {
        private final Connection connection;
        private final Dialect dialect;
        private final ExpandDialect expand;
        private final String table;
        private final String column;
        private final BackfillOptions options;
        private final String where;
        private final BackfillKeysetQuery query;

        Run(
                Connection connection,
                Dialect dialect,
                String table,
                String column,
                String write,
                BackfillOptions options) {
            this(connection, dialect, table, column, write, options, "backfill \"" + table + "\".\"" + column + "\"");
        }

        Run(
                Connection connection,
                Dialect dialect,
                String table,
                String column,
                String write,
                BackfillOptions options,
                String where) {
            this(connection, dialect, table, column, write, "", options, where);
        }

        /** {@code tail} follows each batch's key range in its statement. */
        Run(
                Connection connection,
                Dialect dialect,
                String table,
                String column,
                String write,
                String tail,
                BackfillOptions options,
                String where) {
            this.connection = Objects.requireNonNull(connection, "connection");
            this.dialect = dialect;
            this.expand = ExpandDialect.of(dialect);
            this.table = table;
            this.column = column;
            this.options = options;
            this.where = where;
            this.query = new BackfillKeysetQuery(connection, dialect, table, write, tail, where);
        }

        BackfillResult execute() {
            Instant start = Instant.now();
            boolean autoCommit;
            try {
                autoCommit = connection.getAutoCommit();
            } catch (SQLException e) {
                throw failed("cannot read the connection state", e);
            }
            if (!autoCommit) {
                // Batches commit one by one: inside a caller's transaction they would commit its
                // work too, and a rollback after them could no longer undo the backfill.
                throw new ConcertinaException(
                        ErrorCode.REFUSED,
                        where + ": batches commit one by one, so a backfill cannot"
                                + " run inside a transaction; give it a connection in auto-commit mode (in a migration:"
                                + " @Revision(transactional = false))");
            }
            try {
                connection.setAutoCommit(false);
                List<String> key = query.primaryKey();
                BackfillCheckpoint checkpoint =
                        options.resumable() ? new BackfillCheckpoint(connection, dialect, table, column) : null;
                Optional<BackfillCheckpoint.State> resumedFrom =
                        checkpoint == null ? Optional.empty() : checkpoint.load(key.size());
                connection.commit();
                long total = query.count();
                List<Object> end = query.lastKey();
                connection.commit();
                try (ExpandDialect.BackfillSession session = expand.startBackfill(connection, options.lockTimeout())) {
                    return loop(session, end, checkpoint, resumedFrom, total, start);
                }
            } catch (SQLException e) {
                rollbackQuietly();
                throw failed(SyncTriggers.oneLine(e), e);
            } catch (RuntimeException e) {
                rollbackQuietly();
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    // The connection is broken; the caller sees the original failure.
                }
            }
        }

        private BackfillResult loop(
                ExpandDialect.BackfillSession session,
                List<Object> end,
                BackfillCheckpoint checkpoint,
                Optional<BackfillCheckpoint.State> resumedFrom,
                long total,
                Instant start)
                throws SQLException {
            List<Object> last =
                    resumedFrom.map(BackfillCheckpoint.State::lastKey).orElse(null);
            long rowsDoneAtStart =
                    resumedFrom.map(BackfillCheckpoint.State::rowsDone).orElse(0L);
            long rowsDone = rowsDoneAtStart;
            long updated = 0;
            long batches = 0;
            long retries = 0;
            Duration longest = Duration.ZERO;
            if (resumedFrom.isPresent()) {
                options.listener()
                        .onProgress(new BackfillProgress(
                                table,
                                column,
                                0,
                                rowsDone,
                                0,
                                total,
                                Duration.ZERO,
                                Duration.ZERO,
                                Duration.ZERO,
                                rowsDoneAtStart));
            }
            int attempt = 0;
            int size = options.batchSize();
            while (true) {
                List<Object> upper;
                int changed;
                long lockStart;
                long commitStart;
                try {
                    session.beginBatch();
                    upper = end == null ? null : query.upperBound(last, end, size);
                    lockStart = System.nanoTime();
                    changed = end == null ? 0 : query.write(last, upper == null ? end : upper);
                    if (checkpoint != null) {
                        if (upper == null) {
                            checkpoint.delete();
                        } else {
                            checkpoint.save(upper, rowsDone + size);
                        }
                    }
                    commitStart = System.nanoTime();
                    connection.commit();
                } catch (SQLException e) {
                    rollbackQuietly();
                    if (!expand.isRetryable(e) || attempt >= options.maxRetries()) {
                        throw failed(
                                "batch after key " + (last == null ? "(start)" : last) + " failed"
                                        + (attempt > 0 ? " after " + attempt + " retries" : "") + ": "
                                        + SyncTriggers.oneLine(e),
                                e);
                    }
                    attempt++;
                    retries++;
                    Duration delay = Duration.ofMillis(
                            Math.min(5_000, Math.max(50, options.pause().toMillis()) << Math.min(attempt, 6)));
                    options.listener().onRetry(table, column, attempt, delay, SyncTriggers.oneLine(e));
                    sleep(delay);
                    continue;
                }
                attempt = 0;
                long now = System.nanoTime();
                Duration held = Duration.ofNanos(now - lockStart);
                Duration commit = Duration.ofNanos(now - commitStart);
                if (held.compareTo(longest) > 0) {
                    longest = held;
                }
                batches++;
                updated += changed;
                rowsDone = upper == null ? Math.max(total, rowsDone) : rowsDone + size;
                options.listener()
                        .onProgress(new BackfillProgress(
                                table,
                                column,
                                batches,
                                rowsDone,
                                updated,
                                total,
                                Duration.between(start, Instant.now()),
                                held,
                                commit,
                                rowsDoneAtStart));
                TestPause.at("backfill batch " + batches);
                if (upper == null) {
                    return new BackfillResult(
                            table,
                            column,
                            updated,
                            batches,
                            retries,
                            Duration.between(start, Instant.now()),
                            longest,
                            resumedFrom.isPresent());
                }
                last = upper;
                size = nextSize(size, held);
                if (!options.pause().isZero()) {
                    sleep(options.pause());
                }
            }
        }

        /**
         * Scales the batch towards {@link BackfillOptions#targetBatchTime()}: a commit costs about
         * the same for 1,000 rows as for 10,000 (it waits for the log flush), so small batches on a
         * fast table spend most of their time committing.
         */
        private int nextSize(int size, Duration held) {
            if (options.targetBatchTime().isZero()) {
                return size;
            }
            double ratio = (double) options.targetBatchTime().toNanos() / Math.max(1, held.toNanos());
            ratio = Math.max(0.5, Math.min(2.0, ratio));
            return (int) Math.max(1, Math.min(options.maxBatchSize(), Math.round(size * ratio)));
        }

        private void rollbackQuietly() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // Nothing more to undo on a broken connection; the original failure is reported.
            }
        }

        private ConcertinaException failed(String message, Throwable cause) {
            return new ConcertinaException(ErrorCode.MIGRATION_FAILED, where + ": " + message, cause);
        }

        private void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, where + ": interrupted");
            }
        }
    }
}
