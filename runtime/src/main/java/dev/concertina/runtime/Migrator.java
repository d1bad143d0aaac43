package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.MigrationLock;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Runs migrations against one database and tracks them in its version tables.
 *
 * <p>Every command that changes something takes the database's migration lock first and only then
 * reads the version tables and plans, so any number of processes may run {@code sync} at once and
 * each migration is applied exactly once. Reading commands ({@link #status()}, {@link #history()},
 * {@link #check()}, the {@code plan…} methods) take no lock.
 *
 * <p>Not thread-safe: one thread per {@code Migrator} (open one per thread or process).
 */
public final class Migrator implements AutoCloseable {

    private final MigratorConfig config;
    private final Dialect dialect;
    private final DialectSupport support;
    private final MigrationGraph graph;
    private final Connection connection;
    private final VersionStore store;
    private final MigrationListener listener;
    private final RevisionPlanner planner;
    private final RevisionRunner runner;

    private Migrator(MigratorConfig config, Dialect dialect, MigrationGraph graph, Connection connection) {
        this.config = config;
        this.dialect = dialect;
        this.support = DialectSupport.of(dialect);
        this.graph = graph;
        this.connection = connection;
        this.store = new VersionStore(connection, dialect);
        this.listener = config.listener();
        this.planner = new RevisionPlanner(graph);
        this.runner = new RevisionRunner(config, dialect, support, connection, store);
        support.prepareSession(connection);
    }

    /**
     * Validates the migration graph and connects.
     *
     * @throws ConcertinaException (INVALID_GRAPH) for a bad graph, (CONNECTION) when the database cannot be reached
     */
    public static Migrator open(MigratorConfig config) {
        Dialect dialect = Dialect.fromUrl(config.url());
        MigrationGraph graph = MigrationGraph.of(config.source().all());
        Connection c = connect(config);
        return new Migrator(config, dialect, graph, c);
    }

    private static Connection connect(MigratorConfig config) {
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.password());
        try {
            Connection c = DriverManager.getConnection(config.url(), p);
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new ConcertinaException(ErrorCode.CONNECTION, "cannot connect to " + Jdbc.safeUrl(config.url())
                    + (config.user().isEmpty() ? "" : " as " + config.user()) + ": " + Jdbc.oneLine(e), e);
        }
    }

    public MigrationGraph graph() {
        return graph;
    }

    public Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------- reading

    /** Where the database stands against the code. Takes no lock. */
    public Status status() {
        return state(false).status();
    }

    /** The history, newest first; empty when the database is not under version control. */
    public List<HistoryEntry> history() {
        return store.exists() ? store.history() : List.of();
    }

    /**
     * Keystone's {@code db_sync --check}: what is pending, as an exit code. Checksum mismatches and
     * a failed attempt needing repair are reported to the listener as warnings (details in {@link #status()}).
     */
    public CheckResult check() {
        Status s = status();
        s.checksumMismatches().forEach(m -> listener.warning(m.describe()));
        s.failedAttempt().ifPresent(f -> listener.warning(f.describe()));
        return s.checkResult();
    }

    // ---------------------------------------------------------------- changing

    /** Brings the branches of {@code scope} to head (expand first). */
    public List<AppliedRevision> sync(SyncScope scope) {
        return locked(() -> run(planner.syncSteps(prepare(), scope)));
    }

    /** Upgrades to a revision, a milestone, {@code +N} steps, {@code head} or {@code expand@head}/{@code contract@head}. */
    public List<AppliedRevision> upgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> run(planner.upgradeSteps(prepare(), t, target)));
    }

    /** Downgrades to a revision (which stays applied), a milestone, {@code -N} steps, {@code base} or {@code expand@base}/{@code contract@base}. */
    public List<AppliedRevision> downgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> run(planner.downgradeSteps(prepare(), t, target)));
    }

    // ---------------------------------------------------------------- plans

    /** What {@link #sync} would run now, without running it or taking the lock (refusals included). */
    public List<PlannedStep> planSync(SyncScope scope) {
        return planned(planner.syncSteps(inspect(false), scope));
    }

    /** What {@link #upgrade} would run now, without running it or taking the lock. */
    public List<PlannedStep> planUpgrade(String target) {
        return planned(planner.upgradeSteps(inspect(false), graph.target(target), target));
    }

    /**
     * What {@link #downgrade} would run now, without running it or taking the lock: what the CLI
     * shows before asking to confirm that data may be lost.
     */
    public List<PlannedStep> planDowngrade(String target) {
        return planned(planner.downgradeSteps(inspect(false), graph.target(target), target));
    }

    private static List<PlannedStep> planned(List<PlannedStep> steps) {
        RevisionPlanner.refuseOneWayDowngrades(steps);
        return steps;
    }

    /**
     * Sets the version to a revision (or {@code base}, {@code head}, a milestone) without running
     * anything: for adopting a database whose schema already matches. Creates the version tables
     * when missing.
     */
    public void goTo(String revision) {
        Target t = graph.target(revision);
        Map<Branch, Optional<ResolvedMigration>> to = new EnumMap<>(Branch.class);
        if (t instanceof Target.Relative) {
            throw new ConcertinaException(ErrorCode.REFUSED, "goto needs a revision, base or head, not a step count: " + revision.trim());
        } else if (t instanceof Target.Base b) {
            for (Branch br : Branch.values()) {
                if (b.branch().isEmpty() || b.branch().get() == br) {
                    to.put(br, Optional.empty());
                }
            }
        } else if (t instanceof Target.Head h) {
            for (Branch br : Branch.values()) {
                if (h.branch().isEmpty() || h.branch().get() == br) {
                    to.put(br, graph.head(br));
                }
            }
        } else if (t instanceof Target.Revisions rs) {
            rs.revisions().forEach(m -> to.put(m.branch(), Optional.of(m)));
        }
        locked(() -> {
            store.create();
            runner.inTransaction(() -> {
                for (Map.Entry<Branch, Optional<ResolvedMigration>> e : to.entrySet()) {
                    store.setHead(e.getKey(), e.getValue().map(ResolvedMigration::id));
                    e.getValue().ifPresent(m -> store.insert(m.id(), m.branch(), Direction.GOTO, Optional.of(m.checksum(dialect)), Instant.now(),
                            config.appliedBy(), Duration.ZERO, Outcome.SUCCEEDED, Optional.empty()));
                }
            });
            return null;
        });
    }

    /**
     * Puts the database under version control at base: creates the version tables, runs nothing.
     *
     * @throws ConcertinaException (REFUSED) when it already is under version control
     */
    public void versionControl() {
        locked(() -> {
            if (store.exists()) {
                VersionState s = state(true);
                throw new ConcertinaException(ErrorCode.REFUSED, "the database is already under version control (expand at "
                        + s.head(Branch.EXPAND).orElse("base") + ", contract at " + s.head(Branch.CONTRACT).orElse("base") + ")");
            }
            store.create();
            return null;
        });
    }

    /**
     * After a non-transactional migration failed or its process died (and the operator checked the
     * schema, see {@link FailedAttempt#describe()}): marks the attempt as repaired so runs may
     * continue. The version stays where it was, so the next {@code sync} runs that revision again;
     * if the operator finished it by hand, {@link #goTo} past it first.
     */
    public void repair() {
        locked(() -> {
            if (!store.exists()) {
                listener.warning("nothing to repair: the database is not under version control");
                return null;
            }
            VersionState s = state(true);
            if (s.failed().isEmpty()) {
                listener.warning("nothing to repair: no failed or unfinished attempt is recorded");
                return null;
            }
            store.markRepaired();
            return null;
        });
    }

    @Override
    public void close() {
        Jdbc.closeQuietly(connection);
    }

    // ---------------------------------------------------------------- lock and state

    private <T> T locked(Supplier<T> work) {
        Connection lockConnection = connect(config);
        try (MigrationLock lock = support.lock(lockConnection, config.appliedBy(), config.lockTimeout(), listener)) {
            return work.get();
        } catch (org.jooq.exception.DataAccessException e) {
            throw new ConcertinaException(ErrorCode.CONNECTION, "database error: " + Jdbc.oneLine(e), e);
        }
    }

    /** Under the lock: create the tables, reload the state, refuse when repair is needed or the database is ahead. */
    private VersionState prepare() {
        store.create();
        VersionState s = inspect(true);
        s.status().checksumMismatches().forEach(m -> listener.warning(m.describe()));
        return s;
    }

    /** The state, with the refusals every changing command shares. */
    private VersionState inspect(boolean underLock) {
        VersionState s = state(underLock);
        if (s.failed().isPresent()) {
            throw new ConcertinaException(ErrorCode.NEEDS_REPAIR, s.failed().get().describe());
        }
        if (!s.unknown().isEmpty()) {
            throw new ConcertinaException(ErrorCode.REFUSED, "the database is at " + String.join(", ", s.unknown())
                    + ", which this code does not know: it was migrated by a newer release; run that release's migrations");
        }
        return s;
    }

    private boolean anotherRunnerHoldsTheLock() {
        Connection probe;
        try {
            probe = connect(config);
        } catch (ConcertinaException e) {
            return false;
        }
        try {
            support.lock(probe, config.appliedBy(), Duration.ZERO, MigrationListener.NONE).close();
            return false;
        } catch (ConcertinaException e) {
            return e.code() == ErrorCode.LOCK_TIMEOUT;
        }
    }

    private VersionState state(boolean underLock) {
        return VersionState.read(store, graph, dialect, underLock, this::anotherRunnerHoldsTheLock);
    }

    private List<AppliedRevision> run(List<PlannedStep> steps) {
        RevisionPlanner.refuseOneWayDowngrades(steps);
        List<AppliedRevision> done = new ArrayList<>();
        for (PlannedStep step : steps) {
            done.add(runner.run(step));
        }
        return done;
    }
}
