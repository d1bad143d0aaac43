package dev.concertina.runtime.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Direction;
import dev.concertina.runtime.OwnObjects;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * {@code concertina_step}: the steps of a non-transactional revision run that has not finished,
 * one row per step in the order they ran. A step is {@code done}, or {@code started} when it could
 * not be recorded in the same transaction as its effect (DDL on MariaDB and H2): then the row
 * carries the catalog's fingerprint from just before it ran, which tells a rerun whether it took
 * effect. The rows of a revision are deleted with the history row that records its success.
 */
public final class StepJournal {

    /** How a recorded step stands. */
    public enum State {
        STARTED,
        DONE
    }

    /**
     * One recorded step.
     *
     * @param key         what identifies the step when the revision runs again (a hash of its SQL and
     *                    bind values, or of a helper's description)
     * @param fingerprint the catalog before a {@link State#STARTED} step ran
     */
    public record Entry(int seq, String key, String description, State state, Optional<String> fingerprint) {}

    static final int DESCRIPTION_LENGTH = 2000;

    private final DSLContext dsl;
    private final Dialect dialect;
    private final Table<Record> steps;
    private final Field<String> revision;
    private final Field<String> direction;
    private final Field<Integer> seq;
    private final Field<String> key;
    private final Field<String> description;
    private final Field<String> state;
    private final Field<String> fingerprint;

    public StepJournal(Connection connection, Dialect dialect) {
        this.dialect = dialect;
        this.dsl = Sql.dsl(connection, dialect);
        steps = table(n(OwnObjects.STEP_TABLE));
        revision = field(n("revision"), SQLDataType.VARCHAR(255));
        direction = field(n("direction"), SQLDataType.VARCHAR(16));
        seq = field(n("seq"), SQLDataType.INTEGER);
        key = field(n("step_key"), SQLDataType.VARCHAR(64));
        description = field(n("description"), SQLDataType.VARCHAR(DESCRIPTION_LENGTH));
        state = field(n("state"), SQLDataType.VARCHAR(16));
        fingerprint = field(n("fingerprint"), SQLDataType.VARCHAR(64));
    }

    private org.jooq.Name n(String lower) {
        return name(dialect.foldUnquoted(lower));
    }

    /** Creates the table when missing (the caller holds the migration lock). */
    public void create() {
        dsl.createTableIfNotExists(steps)
                .column(revision, SQLDataType.VARCHAR(255).notNull())
                .column(direction, SQLDataType.VARCHAR(16).notNull())
                .column(seq, SQLDataType.INTEGER.notNull())
                .column(key, SQLDataType.VARCHAR(64).notNull())
                .column(description, SQLDataType.VARCHAR(DESCRIPTION_LENGTH).notNull())
                .column(state, SQLDataType.VARCHAR(16).notNull())
                .column(fingerprint, SQLDataType.VARCHAR(64).null_())
                .constraints(DSL.constraint(n(OwnObjects.STEP_TABLE + "_pk")).primaryKey(revision, direction, seq))
                .execute();
    }

    /** The recorded steps of one revision run, in the order they ran. */
    public List<Entry> load(String rev, Direction dir) {
        return dsl.select(seq, key, description, state, fingerprint)
                .from(steps)
                .where(revision.eq(rev))
                .and(direction.eq(dir.label()))
                .orderBy(seq)
                .fetch(r -> new Entry(
                        r.get(seq),
                        r.get(key),
                        r.get(description),
                        State.valueOf(r.get(state)),
                        Optional.ofNullable(r.get(fingerprint))));
    }

    public void record(String rev, Direction dir, Entry e) {
        dsl.insertInto(steps)
                .columns(revision, direction, seq, key, description, state, fingerprint)
                .values(
                        rev,
                        dir.label(),
                        e.seq(),
                        e.key(),
                        truncate(e.description()),
                        e.state().name(),
                        e.fingerprint().orElse(null))
                .execute();
    }

    public void markDone(String rev, Direction dir, int step) {
        dsl.update(steps)
                .set(state, State.DONE.name())
                .set(fingerprint, (String) null)
                .where(revision.eq(rev))
                .and(direction.eq(dir.label()))
                .and(seq.eq(step))
                .execute();
    }

    public void forget(String rev, Direction dir, int step) {
        dsl.deleteFrom(steps)
                .where(revision.eq(rev))
                .and(direction.eq(dir.label()))
                .and(seq.eq(step))
                .execute();
    }

    /** Forgets a revision run (it finished, or an operator repaired it). */
    public void clear(String rev, Direction dir) {
        dsl.deleteFrom(steps)
                .where(revision.eq(rev))
                .and(direction.eq(dir.label()))
                .execute();
    }

    private static String truncate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= DESCRIPTION_LENGTH ? one : one.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }
}
