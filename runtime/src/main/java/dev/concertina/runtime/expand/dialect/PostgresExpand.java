package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.expand.TriggerNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * PostgreSQL: one plpgsql function and one trigger of the same name per sync pair or guard,
 * created and dropped together so no function outlives its trigger.
 */
public final class PostgresExpand implements ExpandDialect {

    /** A custom setting (custom settings need a dot); local to the batch transaction. */
    static final String BACKFILL_SETTING = "concertina.backfill";

    /** lock_not_available (lock_timeout), deadlock_detected, serialization_failure. */
    private static final Set<String> RETRYABLE = Set.of("55P03", "40P01", "40001");

    private final SqlText sql = new SqlText(Dialect.POSTGRES);

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public void installSync(Connection connection, SyncSpec spec) throws SQLException {
        String name = TriggerNames.sync(Dialect.POSTGRES, spec.table(), spec.oldColumn(), spec.newColumn());
        String oldCol = sql.name(spec.oldColumn());
        String newCol = sql.name(spec.newColumn());
        String up = spec.up().render(Dialect.POSTGRES, "NEW." + oldCol);
        StringBuilder body = new StringBuilder();
        body.append("BEGIN\n");
        body.append("  IF TG_OP = 'INSERT' THEN\n");
        body.append("    IF NEW.")
                .append(newCol)
                .append(" IS NULL AND NEW.")
                .append(oldCol)
                .append(" IS NOT NULL THEN\n");
        body.append("      NEW.").append(newCol).append(" := ").append(up).append(";\n");
        if (spec.down().copies()) {
            String down = spec.down().render(Dialect.POSTGRES, "NEW." + newCol);
            // The new column has no default while both releases run, so a value in it on insert
            // was written by the new release: it wins over the old column's default.
            body.append("    ELSIF NEW.").append(newCol).append(" IS NOT NULL THEN\n");
            body.append("      NEW.").append(oldCol).append(" := ").append(down).append(";\n");
            body.append("    END IF;\n");
            // A backfill batch writes the new column from the old one itself: copying back would
            // rewrite the old column with down(up(old)).
            body.append("  ELSIF coalesce(current_setting('")
                    .append(BACKFILL_SETTING)
                    .append("', true), '') <> 'on' THEN\n");
            body.append("    IF NEW.")
                    .append(newCol)
                    .append(" IS DISTINCT FROM OLD.")
                    .append(newCol)
                    .append(" THEN\n");
            body.append("      NEW.").append(oldCol).append(" := ").append(down).append(";\n");
            body.append("    ELSIF NEW.")
                    .append(oldCol)
                    .append(" IS DISTINCT FROM OLD.")
                    .append(oldCol)
                    .append(" THEN\n");
        } else {
            body.append("    END IF;\n");
            body.append("  ELSIF coalesce(current_setting('")
                    .append(BACKFILL_SETTING)
                    .append("', true), '') <> 'on' THEN\n");
            body.append("    IF NEW.")
                    .append(newCol)
                    .append(" IS NOT DISTINCT FROM OLD.")
                    .append(newCol)
                    .append(" AND NEW.")
                    .append(oldCol)
                    .append(" IS DISTINCT FROM OLD.")
                    .append(oldCol)
                    .append(" THEN\n");
        }
        body.append("      NEW.").append(newCol).append(" := ").append(up).append(";\n");
        body.append("    END IF;\n");
        body.append("  END IF;\n");
        body.append("  RETURN NEW;\n");
        body.append("END");
        String function = sql.name(name);
        Statements.execute(
                connection,
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                        + dollarQuote(body.toString()),
                createTrigger(connection, name, spec.table()) + function + " BEFORE INSERT OR UPDATE ON "
                        + sql.name(spec.table()) + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }

    @Override
    public void dropSync(Connection connection, String table, String oldColumn, String newColumn) throws SQLException {
        drop(connection, table, TriggerNames.sync(Dialect.POSTGRES, table, oldColumn, newColumn));
    }

    @Override
    public void installGuard(Connection connection, String table, String message) throws SQLException {
        String function = sql.name(TriggerNames.guard(Dialect.POSTGRES, table));
        String body = "BEGIN\n  RAISE EXCEPTION USING MESSAGE = " + sql.literal(message) + ", ERRCODE = 'P0001';\nEND";
        // Statement level: one check per statement, and TRUNCATE (which has no rows) is refused too.
        Statements.execute(
                connection,
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                        + dollarQuote(body),
                createTrigger(connection, TriggerNames.guard(Dialect.POSTGRES, table), table) + function
                        + " BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + sql.name(table)
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
    }

    @Override
    public void dropGuard(Connection connection, String table) throws SQLException {
        drop(connection, table, TriggerNames.guard(Dialect.POSTGRES, table));
    }

    private void drop(Connection connection, String table, String name) throws SQLException {
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(name) + " ON " + sql.name(table),
                "DROP FUNCTION IF EXISTS " + sql.name(name) + "()");
    }

    @Override
    public BackfillSession startBackfill(Connection connection, Duration lockTimeout) throws SQLException {
        String timeout = Math.max(1, lockTimeout.toMillis()) + "ms";
        return new BackfillSession() {
            @Override
            public void beginBatch() throws SQLException {
                // All settings are local to the batch's transaction and vanish at its end.
                // synchronous_commit off: the commit does not wait for the WAL flush, which is most
                // of a batch's time. A server crash can lose the last few batches, but the
                // checkpoint row commits with its batch, so the resumed run redoes exactly those.
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT set_config('lock_timeout', ?, true), set_config('" + BACKFILL_SETTING
                                + "', 'on', true)," + " set_config('synchronous_commit', 'off', true)")) {
                    ps.setString(1, timeout);
                    ps.executeQuery().close();
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && RETRYABLE.contains(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** CREATE OR REPLACE TRIGGER exists from PostgreSQL 14; before, drop first. */
    private String createTrigger(Connection connection, String name, String table) throws SQLException {
        if (serverMajorVersion(connection) >= 14) {
            return "CREATE OR REPLACE TRIGGER ";
        }
        Statements.execute(connection, "DROP TRIGGER IF EXISTS " + sql.name(name) + " ON " + sql.name(table));
        return "CREATE TRIGGER ";
    }

    /**
     * The server's major version; 14 when the connection cannot say (the runner's checksum run
     * records statements on a connection without metadata).
     */
    private static int serverMajorVersion(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException | RuntimeException e) {
            return 14;
        }
    }

    /** The body between dollar quotes whose tag does not occur in it (user expressions are inside). */
    static String dollarQuote(String body) {
        String tag = "$concertina$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$concertina" + i + "$";
        }
        return tag + "\n" + body + "\n" + tag;
    }
}
