package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.OwnObjects;
import dev.concertina.runtime.expand.dialect.ExpandDialect;
import dev.concertina.runtime.expand.dialect.SqlText;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Field;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

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
 */
public final class Backfill {

    private static final Settings RENDER = new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS);

    private Backfill() {}

    /**
     * {@link #run(Connection, Dialect, String, String, String, Conversion, BackfillOptions)} on the
     * migration's connection; progress also goes to {@link MigrationContext#progress}. The revision
     * must be {@code @Revision(transactional = false)} on PostgreSQL (batches commit one by one).
     */
    public static BackfillResult run(MigrationContext ctx, String table, String sourceColumn, String targetColumn,
                                     Conversion conversion, BackfillOptions options) {
        return run(ctx.connection(), ctx.dialect(), table, sourceColumn, targetColumn, conversion, reporting(ctx, options));
    }

    /** {@link #run(Connection, Dialect, String, String, Field, BackfillOptions)} on the migration's connection. */
    public static BackfillResult run(MigrationContext ctx, String table, String targetColumn, Field<?> expression,
                                     BackfillOptions options) {
        return run(ctx.connection(), ctx.dialect(), table, targetColumn, expression, reporting(ctx, options));
    }

    private static BackfillOptions reporting(MigrationContext ctx, BackfillOptions options) {
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
    public static BackfillResult run(Connection connection, Dialect dialect, String table, String sourceColumn,
                                     String targetColumn, Conversion conversion, BackfillOptions options) {
        if (!conversion.copies()) {
            throw new ConcertinaException(ErrorCode.CONFIGURATION,
                    "backfill \"" + table + "\".\"" + targetColumn + "\": the conversion cannot be none");
        }
        SqlText sql = new SqlText(dialect);
        String source = sql.name(sourceColumn);
        return new Run(connection, dialect, table, targetColumn, conversion.render(dialect, source),
                source + " IS NOT NULL", options).execute();
    }

    /**
     * Sets {@code targetColumn := expression} on every row where the target is null; the jOOQ
     * expression may use any columns of the row ({@code DSL.field(DSL.name("price")).times(100)}).
     */
    public static BackfillResult run(Connection connection, Dialect dialect, String table, String targetColumn,
                                     Field<?> expression, BackfillOptions options) {
        String rendered = DSL.using(dialect.jooq(), RENDER).renderContext().paramType(ParamType.INLINED).render(expression);
        return new Run(connection, dialect, table, targetColumn, rendered, null, options).execute();
    }

    /** One backfill run; not thread-safe, used once. */
    private static final class Run {
        private final Connection connection;
        private final Dialect dialect;
        private final ExpandDialect expand;
        private final SqlText sql;
        private final String table;
        private final String column;
        private final String expression;
        private final String extraCondition;
        private final BackfillOptions options;
        private final String where;

        Run(Connection connection, Dialect dialect, String table, String column, String expression,
            String extraCondition, BackfillOptions options) {
            this.connection = Objects.requireNonNull(connection, "connection");
            this.dialect = dialect;
            this.expand = ExpandDialect.of(dialect);
            this.sql = new SqlText(dialect);
            this.table = table;
            this.column = column;
            this.expression = expression;
            this.extraCondition = extraCondition;
            this.options = options;
            this.where = "backfill \"" + table + "\".\"" + column + "\"";
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
                throw new ConcertinaException(ErrorCode.REFUSED, where + ": batches commit one by one, so a backfill cannot"
                        + " run inside a transaction; give it a connection in auto-commit mode (in a migration:"
                        + " @Revision(transactional = false))");
            }
            try {
                connection.setAutoCommit(false);
                List<String> key = primaryKey();
                Checkpoint checkpoint = options.resumable() ? new Checkpoint(connection, dialect, table, column) : null;
                Optional<Checkpoint.State> resumedFrom = checkpoint == null ? Optional.empty() : checkpoint.load(key.size());
                connection.commit();
                long total = count();
                List<Object> end = lastKey(key);
                connection.commit();
                try (ExpandDialect.BackfillSession session = expand.startBackfill(connection, options.lockTimeout())) {
                    return loop(session, key, end, checkpoint, resumedFrom, total, start);
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

        private BackfillResult loop(ExpandDialect.BackfillSession session, List<String> key, List<Object> end, Checkpoint checkpoint,
                                    Optional<Checkpoint.State> resumedFrom, long total, Instant start) throws SQLException {
            List<Object> last = resumedFrom.map(Checkpoint.State::lastKey).orElse(null);
            long rowsDoneAtStart = resumedFrom.map(Checkpoint.State::rowsDone).orElse(0L);
            long rowsDone = rowsDoneAtStart;
            long updated = 0;
            long batches = 0;
            long retries = 0;
            Duration longest = Duration.ZERO;
            if (resumedFrom.isPresent()) {
                options.listener().onProgress(new BackfillProgress(table, column, 0, rowsDone, 0, total,
                        Duration.ZERO, Duration.ZERO, Duration.ZERO, rowsDoneAtStart));
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
                    upper = end == null ? null : upperBound(key, last, end, size);
                    lockStart = System.nanoTime();
                    changed = end == null ? 0 : update(key, last, upper == null ? end : upper);
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
                        throw failed("batch after key " + (last == null ? "(start)" : last) + " failed"
                                + (attempt > 0 ? " after " + attempt + " retries" : "") + ": " + SyncTriggers.oneLine(e), e);
                    }
                    attempt++;
                    retries++;
                    Duration delay = Duration.ofMillis(Math.min(5_000, Math.max(50, options.pause().toMillis()) << Math.min(attempt, 6)));
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
                options.listener().onProgress(new BackfillProgress(table, column, batches, rowsDone, updated, total,
                        Duration.between(start, Instant.now()), held, commit, rowsDoneAtStart));
                if (upper == null) {
                    return new BackfillResult(table, column, updated, batches, retries,
                            Duration.between(start, Instant.now()), longest, resumedFrom.isPresent());
                }
                last = upper;
                size = nextSize(size, held);
                if (!options.pause().isZero()) {
                    sleep(options.pause());
                }
            }
        }

        /**
         * The last key when the run starts: rows inserted after it were written with the sync
         * triggers in place and need no backfill, so the run does not chase writers at the table's end.
         * Null for an empty table.
         */
        private List<Object> lastKey(List<String> key) throws SQLException {
            List<String> desc = new ArrayList<>();
            for (String k : key) {
                desc.add(sql.name(k) + " DESC");
            }
            String q = "SELECT " + columns(key) + " FROM " + sql.name(table) + " ORDER BY " + String.join(", ", desc) + " LIMIT 1";
            try (PreparedStatement ps = prepare(q, List.of()); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> last = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    last.add(rs.getObject(i));
                }
                return last;
            }
        }

        /** The key of the batch's last row, or null when fewer than a batch of rows remain before {@code end}. */
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

        private List<Object> upperBound(List<String> key, List<Object> last, List<Object> end, int size) throws SQLException {
            List<Object> params = new ArrayList<>();
            StringBuilder q = new StringBuilder("SELECT ").append(columns(key)).append(" FROM ").append(sql.name(table));
            q.append(" WHERE ").append(notAfter(key, end, params));
            if (last != null) {
                q.append(" AND ").append(after(key, last, params));
            }
            q.append(" ORDER BY ").append(columns(key)).append(" LIMIT 1 OFFSET ").append(size - 1);
            try (PreparedStatement ps = prepare(q.toString(), params); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> upper = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    upper.add(rs.getObject(i));
                }
                return upper;
            }
        }

        private int update(List<String> key, List<Object> last, List<Object> upper) throws SQLException {
            List<Object> params = new ArrayList<>();
            String target = sql.name(column);
            StringBuilder q = new StringBuilder("UPDATE ").append(sql.name(table)).append(" SET ").append(target)
                    .append(" = ").append(expression).append(" WHERE ").append(target).append(" IS NULL");
            if (extraCondition != null) {
                q.append(" AND ").append(extraCondition);
            }
            if (last != null) {
                q.append(" AND ").append(after(key, last, params));
            }
            q.append(" AND ").append(notAfter(key, upper, params));
            try (PreparedStatement ps = prepare(q.toString(), params)) {
                return ps.executeUpdate();
            }
        }

        /**
         * {@code (k1, k2) > (v1, v2)} written out ({@code k1 >= v1 AND (k1 > v1 OR (k1 = v1 AND k2 > v2))}):
         * the leading {@code k1 >= v1} gives MariaDB, which does not range-scan row comparisons, its range.
         */
        private String after(List<String> key, List<Object> values, List<Object> params) {
            return compare(key, values, params, ">", ">=", ">");
        }

        /** {@code (k1, k2) <= (v1, v2)} written out the same way. */
        private String notAfter(List<String> key, List<Object> values, List<Object> params) {
            return compare(key, values, params, "<", "<=", "<=");
        }

        private String compare(List<String> key, List<Object> values, List<Object> params, String strict, String lead, String lastOp) {
            if (key.size() == 1) {
                params.add(values.get(0));
                return sql.name(key.get(0)) + " " + lastOp + " ?";
            }
            StringBuilder c = new StringBuilder(sql.name(key.get(0))).append(' ').append(lead).append(" ? AND (");
            params.add(values.get(0));
            for (int i = 0; i < key.size(); i++) {
                if (i > 0) {
                    c.append(" OR ");
                }
                c.append('(');
                for (int j = 0; j < i; j++) {
                    c.append(sql.name(key.get(j))).append(" = ? AND ");
                    params.add(values.get(j));
                }
                c.append(sql.name(key.get(i))).append(' ').append(i == key.size() - 1 ? lastOp : strict).append(" ?)");
                params.add(values.get(i));
            }
            return c.append(')').toString();
        }

        private String columns(List<String> key) {
            List<String> quoted = new ArrayList<>();
            for (String k : key) {
                quoted.add(sql.name(k));
            }
            return String.join(", ", quoted);
        }

        private PreparedStatement prepare(String q, List<Object> params) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(q);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }

        private long count() throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + sql.name(table))) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** The primary key columns in key order, read from the JDBC metadata of the current schema. */
        private List<String> primaryKey() throws SQLException {
            DatabaseMetaData md = connection.getMetaData();
            String catalog = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? connection.getCatalog() : null;
            String schema = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL ? null : connection.getSchema();
            TreeMap<Short, String> columns = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
                while (rs.next()) {
                    columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            if (columns.isEmpty()) {
                throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, where + ": table \"" + table
                        + "\" has no primary key (or does not exist), and batches need one to walk the table;"
                        + " add a primary key first, or fill the column with one UPDATE yourself");
            }
            return new ArrayList<>(columns.values());
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

    /** The resume point of one backfill, in {@link OwnObjects#BACKFILL_TABLE}. */
    static final class Checkpoint {
        record State(List<Object> lastKey, long rowsDone) {}

        private final Connection connection;
        private final Dialect dialect;
        private final SqlText sql;
        private final String table;
        private final String column;

        Checkpoint(Connection connection, Dialect dialect, String table, String column) throws SQLException {
            this.connection = connection;
            this.dialect = dialect;
            this.sql = new SqlText(dialect);
            this.table = table;
            this.column = column;
            ensureTable();
        }

        private String name(String n) {
            return sql.name(dialect.foldUnquoted(n));
        }

        private void ensureTable() throws SQLException {
            String ddl = DSL.using(dialect.jooq(), RENDER)
                    .createTableIfNotExists(DSL.name(dialect.foldUnquoted(OwnObjects.BACKFILL_TABLE)))
                    .column(DSL.name(dialect.foldUnquoted("table_name")), SQLDataType.VARCHAR(255).nullable(false))
                    .column(DSL.name(dialect.foldUnquoted("column_name")), SQLDataType.VARCHAR(255).nullable(false))
                    .column(DSL.name(dialect.foldUnquoted("last_key")), SQLDataType.VARCHAR(4000).nullable(false))
                    .column(DSL.name(dialect.foldUnquoted("rows_done")), SQLDataType.BIGINT.nullable(false))
                    .column(DSL.name(dialect.foldUnquoted("updated_at")), SQLDataType.TIMESTAMP.nullable(false))
                    .constraints(DSL.primaryKey(DSL.name(dialect.foldUnquoted("table_name")), DSL.name(dialect.foldUnquoted("column_name"))))
                    .getSQL();
            try (Statement s = connection.createStatement()) {
                s.execute(ddl);
            }
        }

        private String whereThis() {
            return " WHERE " + name("table_name") + " = ? AND " + name("column_name") + " = ?";
        }

        Optional<State> load(int keyParts) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + name("last_key") + ", " + name("rows_done")
                    + " FROM " + name(OwnObjects.BACKFILL_TABLE) + whereThis())) {
                ps.setString(1, table);
                ps.setString(2, column);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long rowsDone = rs.getLong(2);
                    return KeyCodec.decode(rs.getString(1), keyParts).map(k -> new State(k, rowsDone));
                }
            }
        }

        void save(List<Object> lastKey, long rowsDone) throws SQLException {
            Optional<String> encoded = KeyCodec.encode(lastKey);
            if (encoded.isEmpty()) {
                return;
            }
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + name(OwnObjects.BACKFILL_TABLE) + " SET "
                    + name("last_key") + " = ?, " + name("rows_done") + " = ?, " + name("updated_at") + " = ?" + whereThis())) {
                ps.setString(1, encoded.get());
                ps.setLong(2, rowsDone);
                ps.setTimestamp(3, now);
                ps.setString(4, table);
                ps.setString(5, column);
                if (ps.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + name(OwnObjects.BACKFILL_TABLE) + " ("
                    + name("table_name") + ", " + name("column_name") + ", " + name("last_key") + ", " + name("rows_done")
                    + ", " + name("updated_at") + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.setString(3, encoded.get());
                ps.setLong(4, rowsDone);
                ps.setTimestamp(5, now);
                ps.executeUpdate();
            }
        }

        void delete() throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + name(OwnObjects.BACKFILL_TABLE) + whereThis())) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.executeUpdate();
            }
        }
    }

    // Overloads for generated migrations, which hold every name as SchemaNames' jOOQ Name.

    /** {@link #run(MigrationContext, String, String, String, Conversion, BackfillOptions)} with {@code SchemaNames} names. */
    public static BackfillResult run(MigrationContext ctx, org.jooq.Name table, org.jooq.Name sourceColumn,
                                     org.jooq.Name targetColumn, Conversion conversion, BackfillOptions options) {
        return run(ctx, table.last(), sourceColumn.last(), targetColumn.last(), conversion, options);
    }

    /** {@link #run(MigrationContext, String, String, Field, BackfillOptions)} with {@code SchemaNames} names. */
    public static BackfillResult run(MigrationContext ctx, org.jooq.Name table, org.jooq.Name targetColumn, Field<?> expression,
                                     BackfillOptions options) {
        return run(ctx, table.last(), targetColumn.last(), expression, options);
    }
}
