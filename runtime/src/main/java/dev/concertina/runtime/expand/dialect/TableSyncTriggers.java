package dev.concertina.runtime.expand.dialect;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.expand.Conversion;
import dev.concertina.runtime.expand.TriggerNames;
import dev.concertina.runtime.expand.h2.H2TableSyncTrigger;
import dev.concertina.runtime.expand.h2.H2TriggerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DDL of one direction of a table sync ({@link TableSyncSpec}): {@code AFTER} row triggers on
 * the source for INSERT, UPDATE and DELETE that do the same to the target row with the same key.
 *
 * <p>A trigger writes nothing while the session's {@link ExpandDialect#BACKFILL_FLAG} is set, and
 * sets it around its own write: the other direction's trigger, fired by that write, then leaves
 * it alone (no ping-pong), and so does every trigger while a row copy runs. PostgreSQL keeps the
 * flag as a setting, which an aborted statement's rollback restores; MariaDB/MySQL a user
 * variable, restored by an exit handler before the error is raised again; H2 a user variable,
 * restored in a {@code finally} of {@link H2TableSyncTrigger}.
 */
public final class TableSyncTriggers {

    private static final String[] EVENTS = {"ins", "upd", "del"};

    /** The declared length of the text columns of {@code concertina_trigger_config}. */
    private static final int H2_CONFIG_TEXT = 8000;

    private TableSyncTriggers() {}

    /** Creates (or replaces) the triggers of one direction. */
    public static void install(Connection connection, Dialect dialect, TableSyncSpec spec) throws SQLException {
        switch (dialect) {
            case POSTGRES:
                postgres(connection, spec);
                break;
            case MARIADB:
            case MYSQL:
                mariaDb(connection, dialect, spec);
                break;
            case H2:
                h2(connection, spec);
                break;
            default:
                throw new IllegalArgumentException(dialect.toString());
        }
    }

    /** Drops the triggers (and PostgreSQL function) of one direction; nothing when absent. */
    public static void drop(Connection connection, Dialect dialect, String source, String target) throws SQLException {
        SqlText sql = new SqlText(dialect);
        switch (dialect) {
            case POSTGRES: {
                String name = TriggerNames.tableSync(dialect, source, target);
                String dropFunction = "DROP FUNCTION IF EXISTS " + sql.name(name) + "()";
                try {
                    Statements.execute(
                            connection, "DROP TRIGGER IF EXISTS " + sql.name(name) + " ON " + sql.name(source));
                } catch (SQLException e) {
                    // The table is locked, say: a function left without its trigger (a failed install) needs no lock.
                    try {
                        Statements.execute(connection, dropFunction);
                    } catch (SQLException also) {
                        e.addSuppressed(also);
                    }
                    throw e;
                }
                Statements.execute(connection, dropFunction);
                break;
            }
            case MARIADB:
            case MYSQL:
                for (String event : EVENTS) {
                    Statements.execute(
                            connection,
                            "DROP TRIGGER IF EXISTS "
                                    + sql.name(TriggerNames.tableSync(dialect, source, target, event)));
                }
                break;
            case H2: {
                String name = TriggerNames.tableSync(dialect, source, target);
                Statements.execute(connection, "DROP TRIGGER IF EXISTS " + sql.name(name));
                H2TriggerConfig.delete(connection, name);
                break;
            }
            default:
                throw new IllegalArgumentException(dialect.toString());
        }
    }

    /** Sets the session flag that makes every Concertina sync trigger leave writes alone. */
    public static void quiet(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            // Session level, not local: a migration may run in auto-commit. A rolled back
            // transaction undoes it, and loud() undoes it otherwise.
            Statements.execute(connection, "SELECT set_config('" + PostgresExpand.BACKFILL_SETTING + "', 'on', false)");
        } else {
            Statements.execute(connection, "SET @" + ExpandDialect.BACKFILL_FLAG + " = 1");
        }
    }

    /** Clears the flag {@link #quiet} set. */
    public static void loud(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            Statements.execute(connection, "SELECT set_config('" + PostgresExpand.BACKFILL_SETTING + "', '', false)");
        } else {
            Statements.execute(connection, "SET @" + ExpandDialect.BACKFILL_FLAG + " = NULL");
        }
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static void postgres(Connection connection, TableSyncSpec spec) throws SQLException {
        SqlText sql = new SqlText(Dialect.POSTGRES);
        String name = TriggerNames.tableSync(Dialect.POSTGRES, spec.source(), spec.target());
        String flag = "'" + PostgresExpand.BACKFILL_SETTING + "'";
        String body = "BEGIN\n"
                + "  IF coalesce(current_setting(" + flag + ", true), '') = 'on' THEN\n"
                + "    RETURN NULL;\n"
                + "  END IF;\n"
                + "  PERFORM set_config(" + flag + ", 'on', true);\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    " + insert(sql, spec, "NEW.") + ";\n"
                + "  ELSIF TG_OP = 'UPDATE' THEN\n"
                + fixedKeys(sql, spec)
                + "    " + Objects.requireNonNullElse(update(sql, spec, "NEW.", "OLD."), "NULL") + ";\n"
                + "  ELSE\n"
                + "    " + delete(sql, spec, "OLD.") + ";\n"
                + "  END IF;\n"
                + "  PERFORM set_config(" + flag + ", '', true);\n"
                + "  RETURN NULL;\n"
                + "END";
        String function = sql.name(name);
        Statements.execute(
                connection,
                "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS "
                        + PostgresExpand.dollarQuote(body),
                "DROP TRIGGER IF EXISTS " + function + " ON " + sql.name(spec.source()),
                "CREATE TRIGGER " + function + " AFTER INSERT OR UPDATE OR DELETE ON " + sql.name(spec.source())
                        + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
    }

    /**
     * A key the target holds as identity ALWAYS cannot be set by an UPDATE: a changed key is refused
     * rather than left behind in the target (the two tables would part silently).
     */
    private static String fixedKeys(SqlText sql, TableSyncSpec spec) {
        StringBuilder out = new StringBuilder();
        for (String k : spec.key()) {
            if (spec.identityAlways().contains(k)) {
                String source = sql.name(spec.byTarget(k).sourceColumn());
                out.append("    IF NEW.")
                        .append(source)
                        .append(" IS DISTINCT FROM OLD.")
                        .append(source)
                        .append(" THEN\n      RAISE EXCEPTION USING ERRCODE = '55000', MESSAGE = ")
                        .append(sql.literal(keyChangeRefused(spec.source(), spec.target(), k)))
                        .append(";\n    END IF;\n");
            }
        }
        return out.toString();
    }

    /** The one-line refusal of a key change the target cannot follow. */
    public static String keyChangeRefused(String source, String target, String key) {
        return "table sync \"" + source + "\" -> \"" + target + "\": key \"" + key + "\" of \"" + target
                + "\" is GENERATED ALWAYS AS IDENTITY and cannot follow a changed key";
    }

    // ------------------------------------------------------------------ MariaDB / MySQL

    private static void mariaDb(Connection connection, Dialect dialect, TableSyncSpec spec) throws SQLException {
        SqlText sql = new SqlText(dialect);
        String[] writes = {
            insert(sql, spec, "NEW."),
            Objects.requireNonNullElse(update(sql, spec, "NEW.", "OLD."), "DO 0"),
            delete(sql, spec, "OLD.")
        };
        String[] events = {"INSERT", "UPDATE", "DELETE"};
        String flag = "@" + ExpandDialect.BACKFILL_FLAG;
        for (int i = 0; i < EVENTS.length; i++) {
            String name = sql.name(TriggerNames.tableSync(dialect, spec.source(), spec.target(), EVENTS[i]));
            String body = "BEGIN\n"
                    + "  IF " + flag + " IS NULL THEN\n"
                    + "    BEGIN\n"
                    // An error in the write must not leave the flag set: later writes of the session would not sync.
                    + "      DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET " + flag + " = NULL; RESIGNAL; END;\n"
                    + "      SET " + flag + " = 1;\n"
                    + "      " + writes[i] + ";\n"
                    + "      SET " + flag + " = NULL;\n"
                    + "    END;\n"
                    + "  END IF;\n"
                    + "END";
            Statements.execute(
                    connection,
                    "DROP TRIGGER IF EXISTS " + name,
                    "CREATE TRIGGER " + name + " AFTER " + events[i] + " ON " + sql.name(spec.source())
                            + " FOR EACH ROW\n" + body);
        }
    }

    // ------------------------------------------------------------------ H2

    private static void h2(Connection connection, TableSyncSpec spec) throws SQLException {
        SqlText sql = new SqlText(Dialect.H2);
        String name = TriggerNames.tableSync(Dialect.H2, spec.source(), spec.target());
        H2TriggerConfig.ensureTable(connection);
        List<String> queries = new ArrayList<>();
        for (TableSyncSpec.Mapping m : spec.columns()) {
            queries.add(h2Query(connection, spec.source(), m.sourceColumn(), m.conversion()));
        }
        H2TriggerConfig config = H2TableSyncTrigger.config(name, spec, queries);
        if (config.upSql().length() > H2_CONFIG_TEXT) {
            // A wide table's mappings outgrow the column sync's 8000 characters: widen once, to H2's maximum.
            Statements.execute(
                    connection,
                    "ALTER TABLE " + sql.name(H2TriggerConfig.configTable()) + " ALTER COLUMN " + sql.name("UP_SQL")
                            + " SET DATA TYPE CHARACTER VARYING(1000000)");
        }
        config.save(connection);
        Statements.execute(
                connection,
                "DROP TRIGGER IF EXISTS " + sql.name(name),
                "CREATE TRIGGER " + sql.name(name) + " AFTER INSERT, UPDATE, DELETE ON " + sql.name(spec.source())
                        + " FOR EACH ROW CALL " + sql.literal(H2TableSyncTrigger.class.getName()));
    }

    /** The query converting one value, over a {@code ?} cast to the source column's type, or {@link H2TriggerConfig#IDENTITY}. */
    private static String h2Query(Connection connection, String table, String column, Conversion conversion)
            throws SQLException {
        if (conversion instanceof Conversion.Identity) {
            return H2TriggerConfig.IDENTITY;
        }
        String source = H2TriggerConfig.columnType(connection, table, column)
                .map(t -> "CAST(? AS " + t + ")")
                .orElse("?");
        return "SELECT " + conversion.render(Dialect.H2, source);
    }

    // ------------------------------------------------------------------ statements over NEW./OLD.

    private static String insert(SqlText sql, TableSyncSpec spec, String row) {
        return "INSERT INTO " + sql.name(spec.target())
                + spec.columns().stream()
                        .map(m -> sql.name(m.targetColumn()))
                        .collect(Collectors.joining(", ", " (", ")"))
                // The key is copied as given, also into an identity GENERATED ALWAYS column.
                + (spec.identityAlways().isEmpty() ? "" : " OVERRIDING SYSTEM VALUE")
                + " VALUES " + spec.columns().stream().map(value(sql, row)).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The UPDATE of the target's row, or null when every mapped column is identity ALWAYS (none may be set). */
    private static String update(SqlText sql, TableSyncSpec spec, String newRow, String oldRow) {
        Function<TableSyncSpec.Mapping, String> value = value(sql, newRow);
        if (spec.updated().isEmpty()) {
            return null;
        }
        return "UPDATE " + sql.name(spec.target()) + " SET "
                + spec.updated().stream()
                        .map(m -> sql.name(m.targetColumn()) + " = " + value.apply(m))
                        .collect(Collectors.joining(", "))
                + where(sql, spec, oldRow);
    }

    private static String delete(SqlText sql, TableSyncSpec spec, String oldRow) {
        return "DELETE FROM " + sql.name(spec.target()) + where(sql, spec, oldRow);
    }

    /** The target row whose key equals the converted key of the source row before the change. */
    private static String where(SqlText sql, TableSyncSpec spec, String oldRow) {
        Function<TableSyncSpec.Mapping, String> value = value(sql, oldRow);
        return spec.key().stream()
                .map(k -> sql.name(spec.target()) + "." + sql.name(k) + " = " + value.apply(spec.byTarget(k)))
                .collect(Collectors.joining(" AND ", " WHERE ", ""));
    }

    private static Function<TableSyncSpec.Mapping, String> value(SqlText sql, String row) {
        return m -> m.conversion().render(sql.dialect(), row + sql.name(m.sourceColumn()));
    }
}
