package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.MigrationListener;
import java.sql.Connection;
import java.time.Duration;

/** What the runner does differently per database: one implementation per dialect. */
public sealed interface DialectSupport permits PostgresSupport, MariaDbSupport, H2Support {

    static DialectSupport of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> new PostgresSupport();
            case MARIADB, MYSQL -> new MariaDbSupport(dialect);
            case H2 -> new H2Support();
        };
    }

    /**
     * Whether DDL statements take part in the surrounding transaction (so a failed migration
     * rolls back completely). PostgreSQL: yes. MariaDB/MySQL and H2: no, DDL commits implicitly.
     */
    boolean transactionalDdl();

    /**
     * Takes the database's migration lock on {@code connection} (a connection of its own, which the
     * returned lock closes), polling until {@code timeout}; tells the listener once when it has to wait.
     *
     * @param owner who we are, shown to other processes waiting for the lock
     * @throws dev.concertina.runtime.ConcertinaException (LOCK_TIMEOUT) naming the holder
     */
    MigrationLock lock(Connection connection, String owner, Duration timeout, MigrationListener listener);

    /**
     * Makes what is committed so far survive a killed process, where a commit alone does not: an
     * H2 file database writes committed changes to disk some time later (its write delay). Called
     * in auto-commit mode after each recorded step, so a crash never keeps a step's effect but
     * loses its record.
     */
    default void makeDurable(Connection connection) {}

    /** Prepares the connection migrations run on (session settings). */
    default void prepareSession(Connection connection) {}

    /** Polling interval while waiting for a lock. */
    Duration POLL = Duration.ofMillis(200);
}
