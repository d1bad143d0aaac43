package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.MigrationLock;
import dev.concertina.runtime.internal.StepJournal;
import dev.concertina.runtime.internal.VersionStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
    private final StepJournal journal;
    private final VersionEdits edits;

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
        this.journal = new StepJournal(connection, dialect);
        this.edits = new VersionEdits(config, dialect, support, graph, connection, store, journal, runner);
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
            throw new ConcertinaException(
                    ErrorCode.CONNECTION,
                    "cannot connect to " + Jdbc.safeUrl(config.url())
                            + (config.user().isEmpty() ? "" : " as " + config.user()) + ": " + Jdbc.oneLine(e),
                    e);
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
        return locked(() -> runPlanned(s -> planner.syncSteps(s, scope)));
    }

    /** Upgrades to a revision, a milestone, {@code +N} steps, {@code head} or {@code expand@head}/{@code contract@head}. */
    public List<AppliedRevision> upgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> runPlanned(s -> planner.upgradeSteps(s, t, target)));
    }

    /** Downgrades to a revision (which stays applied), a milestone, {@code -N} steps, {@code base} or {@code expand@base}/{@code contract@base}. */
    public List<AppliedRevision> downgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> runPlanned(s -> planner.downgradeSteps(s, t, target)));
    }

    // ---------------------------------------------------------------- plans

    /** What {@link #sync} would run now, without running it or taking the lock (refusals included). */
    public List<PlannedStep> planSync(SyncScope scope) {
        return planned(s -> planner.syncSteps(s, scope));
    }

    /** What {@link #upgrade} would run now, without running it or taking the lock. */
    public List<PlannedStep> planUpgrade(String target) {
        return planned(s -> planner.upgradeSteps(s, graph.target(target), target));
    }

    /**
     * What {@link #downgrade} would run now, without running it or taking the lock: what the CLI
     * shows before asking to confirm that data may be lost.
     */
    public List<PlannedStep> planDowngrade(String target) {
        return planned(s -> planner.downgradeSteps(s, graph.target(target), target));
    }

    private List<PlannedStep> planned(java.util.function.Function<VersionState, List<PlannedStep>> plan) {
        VersionState s = inspect(false);
        List<PlannedStep> steps = plan.apply(s);
        RevisionPlanner.refuseOneWayDowngrades(steps);
        resumes(s, steps);
        return steps;
    }

    /**
     * Sets the version to a revision (or {@code base}, {@code head}, a milestone) without running
     * anything: for adopting a database whose schema already matches. Creates the version tables
     * when missing.
     */
    public void goTo(String revision) {
        Map<Branch, Optional<ResolvedMigration>> to = edits.heads(revision);
        locked(() -> {
            edits.goTo(to);
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
            edits.versionControl(() -> state(true));
            return null;
        });
    }

    /**
     * After a non-transactional migration failed or its process died, for an operator who deals
     * with it by hand instead of letting {@code sync} resume it: names the steps it completed (they
     * stay in the schema), forgets them and marks the attempt as repaired. The version stays where
     * it was, so the next {@code sync} runs that revision again from its first step; if the operator
     * finished it by hand, {@link #goTo} past it first.
     */
    public RepairResult repair() {
        return repair(List.of());
    }

    /**
     * {@link #repair()}, and accepts the code's checksum of each applied revision in
     * {@code acceptChecksums} that changed since it was applied: an explicit act, recorded in the
     * history as {@link Direction#ACCEPT_CHECKSUM}, after which {@code check} passes again.
     *
     * @throws ConcertinaException (REFUSED) for a revision that is not applied or has not changed
     */
    public RepairResult repair(List<String> acceptChecksums) {
        List<ResolvedMigration> accept =
                acceptChecksums.stream().map(graph::resolve).toList();
        return locked(() -> edits.repair(accept, () -> state(true)));
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
        journal.create();
        VersionState s = inspect(true);
        s.status().checksumMismatches().forEach(m -> listener.warning(m.describe()));
        return s;
    }

    /**
     * The state, with the refusals every changing command shares. An unfinished attempt is refused
     * later, by {@link #resumes}, unless the plan resumes it.
     */
    private VersionState inspect(boolean underLock) {
        VersionState s = state(underLock);
        if (!s.unknown().isEmpty()) {
            throw new ConcertinaException(
                    ErrorCode.REFUSED,
                    "the database is at " + String.join(", ", s.unknown())
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
            support.lock(probe, config.appliedBy(), Duration.ZERO, MigrationListener.NONE)
                    .close();
            return false;
        } catch (ConcertinaException e) {
            return e.code() == ErrorCode.LOCK_TIMEOUT;
        }
    }

    private List<AppliedRevision> runPlanned(java.util.function.Function<VersionState, List<PlannedStep>> plan) {
        VersionState s = prepare();
        return run(s, plan.apply(s));
    }

    private VersionState state(boolean underLock) {
        return VersionState.read(store, graph, dialect, underLock, this::anotherRunnerHoldsTheLock);
    }

    private List<AppliedRevision> run(VersionState s, List<PlannedStep> steps) {
        RevisionPlanner.refuseOneWayDowngrades(steps);
        boolean resume = resumes(s, steps);
        List<AppliedRevision> done = new ArrayList<>();
        for (PlannedStep step : steps) {
            done.add(runner.run(step, resume));
            resume = false;
        }
        return done;
    }

    /**
     * True when the plan begins with the revision an earlier attempt left unfinished, in the same
     * direction: that run resumes it. Any other plan is refused while such an attempt is recorded,
     * since it would run on top of a half-applied revision.
     */
    private static boolean resumes(VersionState s, List<PlannedStep> steps) {
        if (s.failed().isEmpty()) {
            return false;
        }
        FailedAttempt f = s.failed().get();
        if (!steps.isEmpty()
                && steps.get(0).revision().id().equals(f.revision())
                && steps.get(0).direction() == f.direction()) {
            return true;
        }
        throw new ConcertinaException(ErrorCode.NEEDS_REPAIR, f.describe());
    }
}
