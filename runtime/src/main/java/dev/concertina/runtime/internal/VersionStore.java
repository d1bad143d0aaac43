package dev.concertina.runtime.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Direction;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.HistoryEntry;
import dev.concertina.runtime.Outcome;
import dev.concertina.runtime.OwnObjects;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The two version tables: {@code concertina_version} (one row per branch head; no row = the branch
 * is at base) and {@code concertina_history} (one row per attempt). Names are quoted, in the
 * database's own case. Times are stored in UTC.
 */
public final class VersionStore {

    private final DSLContext dsl;
    private final Connection connection;
    private final Dialect dialect;

    private final Table<Record> version;
    private final Field<String> vBranch;
    private final Field<String> vRevision;
    private final Field<LocalDateTime> vUpdatedAt;

    private final Table<Record> history;
    private final Field<Long> hId;
    private final Field<String> hRevision;
    private final Field<String> hBranch;
    private final Field<String> hDirection;
    private final Field<String> hChecksum;
    private final Field<LocalDateTime> hAppliedAt;
    private final Field<String> hAppliedBy;
    private final Field<Long> hDurationMs;
    private final Field<Boolean> hSuccess;
    private final Field<String> hOutcome;
    private final Field<String> hError;

    /** Longest error text kept in the history. */
    static final int ERROR_LENGTH = 2000;

    public VersionStore(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.dsl = Sql.dsl(connection, dialect);
        version = table(n(OwnObjects.VERSION_TABLE));
        vBranch = field(n("branch"), SQLDataType.VARCHAR(16));
        vRevision = field(n("revision"), SQLDataType.VARCHAR(255));
        vUpdatedAt = field(n("updated_at"), SQLDataType.LOCALDATETIME(3));
        history = table(n(OwnObjects.HISTORY_TABLE));
        hId = field(n("id"), SQLDataType.BIGINT);
        hRevision = field(n("revision"), SQLDataType.VARCHAR(255));
        hBranch = field(n("branch"), SQLDataType.VARCHAR(16));
        hDirection = field(n("direction"), SQLDataType.VARCHAR(16));
        hChecksum = field(n("checksum"), SQLDataType.VARCHAR(64));
        hAppliedAt = field(n("applied_at"), SQLDataType.LOCALDATETIME(3));
        hAppliedBy = field(n("applied_by"), SQLDataType.VARCHAR(255));
        hDurationMs = field(n("duration_ms"), SQLDataType.BIGINT);
        hSuccess = field(n("success"), SQLDataType.BOOLEAN);
        hOutcome = field(n("outcome"), SQLDataType.VARCHAR(16));
        hError = field(n("error"), SQLDataType.VARCHAR(ERROR_LENGTH));
    }

    private org.jooq.Name n(String lower) {
        return name(dialect.foldUnquoted(lower));
    }

    /** The version table's name as stored (for messages). */
    public String versionTableName() {
        return dialect.foldUnquoted(OwnObjects.VERSION_TABLE);
    }

    /** Whether the version table exists in the connection's current schema. */
    public boolean exists() {
        return tableExists(connection, dialect.foldUnquoted(OwnObjects.VERSION_TABLE));
    }

    /** Whether {@code table} (its name as stored) exists in the connection's current schema. */
    public static boolean tableExists(Connection c, String table) {
        try {
            DatabaseMetaData md = c.getMetaData();
            String esc = md.getSearchStringEscape();
            String pattern = esc == null || esc.isEmpty()
                    ? table
                    : table.replace("_", esc + "_").replace("%", esc + "%");
            String schema = c.getSchema();
            try (ResultSet rs = md.getTables(c.getCatalog(), schema, pattern, null)) {
                while (rs.next()) {
                    if (table.equals(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION, "cannot read the tables of the database: " + Jdbc.oneLine(e), e);
        }
    }

    /** Creates both tables when missing (the caller holds the migration lock). */
    public void create() {
        dsl.createTableIfNotExists(version)
                .column(vBranch, SQLDataType.VARCHAR(16).notNull())
                .column(vRevision, SQLDataType.VARCHAR(255).notNull())
                .column(vUpdatedAt, SQLDataType.LOCALDATETIME(3).notNull())
                .constraints(DSL.constraint(n(OwnObjects.VERSION_TABLE + "_pk")).primaryKey(vBranch))
                .execute();
        dsl.createTableIfNotExists(history)
                .column(hId, SQLDataType.BIGINT.notNull())
                .column(hRevision, SQLDataType.VARCHAR(255).notNull())
                .column(hBranch, SQLDataType.VARCHAR(16).notNull())
                .column(hDirection, SQLDataType.VARCHAR(16).notNull())
                .column(hChecksum, SQLDataType.VARCHAR(64).null_())
                .column(hAppliedAt, SQLDataType.LOCALDATETIME(3).notNull())
                .column(hAppliedBy, SQLDataType.VARCHAR(255).notNull())
                .column(hDurationMs, SQLDataType.BIGINT.notNull())
                .column(hSuccess, SQLDataType.BOOLEAN.notNull())
                .column(hOutcome, SQLDataType.VARCHAR(16).notNull())
                .column(hError, SQLDataType.VARCHAR(ERROR_LENGTH).null_())
                .constraints(DSL.constraint(n(OwnObjects.HISTORY_TABLE + "_pk")).primaryKey(hId))
                .execute();
    }

    /** The applied head of each branch; a branch without a row is at base. */
    public Map<Branch, String> heads() {
        Map<Branch, String> heads = new EnumMap<>(Branch.class);
        for (Record r : dsl.select(vBranch, vRevision).from(version).fetch()) {
            heads.put(Branch.fromLabel(r.get(vBranch)), r.get(vRevision));
        }
        return heads;
    }

    /** Moves a branch's head; empty = base. */
    public void setHead(Branch branch, Optional<String> revision) {
        dsl.deleteFrom(version).where(vBranch.eq(branch.label())).execute();
        revision.ifPresent(r -> dsl.insertInto(version)
                .columns(vBranch, vRevision, vUpdatedAt)
                .values(branch.label(), r, utcNow())
                .execute());
    }

    /** Adds a history row and returns its id (the caller holds the migration lock, so max + 1 is safe). */
    public long insert(
            String revision,
            Branch branch,
            Direction direction,
            Optional<String> checksum,
            Instant at,
            String appliedBy,
            Duration duration,
            Outcome outcome,
            Optional<String> error) {
        Long max = dsl.select(DSL.max(hId)).from(history).fetchOne(0, Long.class);
        long id = max == null ? 1 : max + 1;
        dsl.insertInto(history)
                .columns(
                        hId,
                        hRevision,
                        hBranch,
                        hDirection,
                        hChecksum,
                        hAppliedAt,
                        hAppliedBy,
                        hDurationMs,
                        hSuccess,
                        hOutcome,
                        hError)
                .values(
                        id,
                        revision,
                        branch.label(),
                        direction.label(),
                        checksum.orElse(null),
                        utc(at),
                        truncate(appliedBy, 255),
                        duration.toMillis(),
                        outcome == Outcome.SUCCEEDED,
                        outcome.label(),
                        error.map(e -> truncate(e, ERROR_LENGTH)).orElse(null))
                .execute();
        return id;
    }

    /** Records how an attempt ended. */
    public void finish(long id, Outcome outcome, Duration duration, Optional<String> error) {
        dsl.update(history)
                .set(hOutcome, outcome.label())
                .set(hSuccess, outcome == Outcome.SUCCEEDED)
                .set(hDurationMs, duration.toMillis())
                .set(hError, error.map(e -> truncate(e, ERROR_LENGTH)).orElse(null))
                .where(hId.eq(id))
                .execute();
    }

    /** Marks every attempt that needs repair as repaired; returns how many. */
    public int markRepaired() {
        return dsl.update(history)
                .set(hOutcome, Outcome.REPAIRED.label())
                .where(hOutcome.in(Outcome.STARTED.label(), Outcome.FAILED.label()))
                .execute();
    }

    /** Every row, newest first. */
    public List<HistoryEntry> history() {
        return dsl.select(
                        hId,
                        hRevision,
                        hBranch,
                        hDirection,
                        hChecksum,
                        hAppliedAt,
                        hAppliedBy,
                        hDurationMs,
                        hOutcome,
                        hError)
                .from(history)
                .orderBy(hId.desc())
                .fetch(this::entry);
    }

    private HistoryEntry entry(Record r) {
        return new HistoryEntry(
                r.get(hId),
                r.get(hRevision),
                Branch.fromLabel(r.get(hBranch)),
                Direction.valueOf(r.get(hDirection).toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.get(hChecksum)),
                r.get(hAppliedAt).toInstant(ZoneOffset.UTC),
                r.get(hAppliedBy),
                Duration.ofMillis(r.get(hDurationMs)),
                Outcome.valueOf(r.get(hOutcome).toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.get(hError)));
    }

    public Connection connection() {
        return connection;
    }

    static LocalDateTime utcNow() {
        return utc(Instant.now());
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
