package dev.concertina.runtime;

import dev.concertina.runtime.internal.DialectSupport;
import dev.concertina.runtime.internal.Jdbc;
import dev.concertina.runtime.internal.MigrationLock;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.Sql;
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
import java.util.stream.Collectors;

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

    private Migrator(MigratorConfig config, Dialect dialect, MigrationGraph graph, Connection connection) {
        this.config = config;
        this.dialect = dialect;
        this.support = DialectSupport.of(dialect);
        this.graph = graph;
        this.connection = connection;
        this.store = new VersionStore(connection, dialect);
        this.listener = config.listener();
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
        return locked(() -> run(syncSteps(prepare(), scope)));
    }

    private List<Step> syncSteps(State s, SyncScope scope) {
        List<Step> steps = new ArrayList<>();
        if (scope == SyncScope.CONTRACT && !s.pending(Branch.EXPAND).isEmpty()) {
            List<ResolvedMigration> p = s.pending(Branch.EXPAND);
            throw new ConcertinaException(ErrorCode.REFUSED, "contract refused: the expand branch is not at head (at "
                    + s.head(Branch.EXPAND).orElse("base") + ", code head " + graph.head(Branch.EXPAND).map(ResolvedMigration::id).orElse("none")
                    + ", " + p.size() + " pending: " + ids(p) + "); run `concertina sync --expand` first and roll out the new code");
        }
        if (scope != SyncScope.CONTRACT) {
            s.pending(Branch.EXPAND).forEach(m -> steps.add(new Step(m, Direction.UPGRADE)));
        }
        if (scope != SyncScope.EXPAND) {
            s.pending(Branch.CONTRACT).forEach(m -> steps.add(new Step(m, Direction.UPGRADE)));
        }
        return steps;
    }

    /** Upgrades to a revision, a milestone, {@code +N} steps, {@code head} or {@code expand@head}/{@code contract@head}. */
    public List<AppliedRevision> upgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> run(upgradeSteps(prepare(), t, target)));
    }

    private List<Step> upgradeSteps(State s, Target t, String target) {
        List<Step> steps = new ArrayList<>();
        if (t instanceof Target.Base) {
            throw new ConcertinaException(ErrorCode.REFUSED, "cannot upgrade to base: use downgrade base");
        } else if (t instanceof Target.Head h) {
            if (h.branch().isEmpty() || h.branch().get() == Branch.EXPAND) {
                s.pending(Branch.EXPAND).forEach(m -> steps.add(new Step(m, Direction.UPGRADE)));
            }
            if (h.branch().isEmpty() || h.branch().get() == Branch.CONTRACT) {
                graph.head(Branch.CONTRACT).ifPresent(head -> steps.addAll(upgradeSteps(s, head, steps)));
            }
        } else if (t instanceof Target.Relative r) {
            if (r.steps() <= 0) {
                throw new ConcertinaException(ErrorCode.REFUSED, "upgrade " + target.trim() + ": a step count for upgrade is +N; use downgrade -N to go back");
            }
            List<Step> all = new ArrayList<>();
            s.pending(Branch.EXPAND).forEach(m -> all.add(new Step(m, Direction.UPGRADE)));
            s.pending(Branch.CONTRACT).forEach(m -> all.add(new Step(m, Direction.UPGRADE)));
            if (r.steps() > all.size()) {
                throw new ConcertinaException(ErrorCode.REFUSED, "upgrade " + target.trim() + ": only " + all.size() + " revision(s) are pending");
            }
            steps.addAll(all.subList(0, r.steps()));
        } else if (t instanceof Target.Revisions rs) {
            for (ResolvedMigration m : sortedExpandFirst(rs.revisions())) {
                int applied = s.position(m.branch());
                int wanted = graph.position(m);
                if (wanted < applied && rs.revisions().size() > 1) {
                    continue; // a milestone: this branch is already past its point
                }
                if (wanted < applied) {
                    throw new ConcertinaException(ErrorCode.REFUSED, "cannot upgrade to " + m.branch().label() + " revision " + m.describe()
                            + ": the database is already past it (at " + s.head(m.branch()).orElse("base") + "); use downgrade to go back");
                }
                steps.addAll(upgradeSteps(s, m, steps));
            }
        }
        return steps;
    }

    /** Downgrades to a revision (which stays applied), a milestone, {@code -N} steps, {@code base} or {@code expand@base}/{@code contract@base}. */
    public List<AppliedRevision> downgrade(String target) {
        Target t = graph.target(target);
        return locked(() -> run(downgradeSteps(prepare(), t, target)));
    }

    private List<Step> downgradeSteps(State s, Target t, String target) {
        List<Step> steps = new ArrayList<>();
        if (t instanceof Target.Head) {
            throw new ConcertinaException(ErrorCode.REFUSED, "cannot downgrade to head: use upgrade head");
        } else if (t instanceof Target.Base b) {
            if (b.branch().isEmpty() || b.branch().get() == Branch.CONTRACT) {
                steps.addAll(downgradeSteps(s, Branch.CONTRACT, -1));
            }
            if (b.branch().isEmpty() || b.branch().get() == Branch.EXPAND) {
                steps.addAll(downgradeExpandSteps(s, -1, steps));
            }
        } else if (t instanceof Target.Relative r) {
            if (r.steps() >= 0) {
                throw new ConcertinaException(ErrorCode.REFUSED, "downgrade " + target.trim() + ": a step count for downgrade is -N; use upgrade +N to go forward");
            }
            List<Step> all = new ArrayList<>(downgradeSteps(s, Branch.CONTRACT, -1));
            all.addAll(downgradeSteps(s, Branch.EXPAND, -1));
            int n = -r.steps();
            if (n > all.size()) {
                throw new ConcertinaException(ErrorCode.REFUSED, "downgrade " + target.trim() + ": only " + all.size() + " revision(s) are applied");
            }
            steps.addAll(all.subList(0, n));
        } else if (t instanceof Target.Revisions rs) {
            List<ResolvedMigration> targets = new ArrayList<>(sortedExpandFirst(rs.revisions()));
            java.util.Collections.reverse(targets);
            for (ResolvedMigration m : targets) {
                int applied = s.position(m.branch());
                int wanted = graph.position(m);
                if (wanted > applied && targets.size() > 1) {
                    continue; // a milestone: this branch has not reached its point yet
                }
                if (wanted > applied) {
                    throw new ConcertinaException(ErrorCode.REFUSED, "cannot downgrade to " + m.branch().label() + " revision " + m.describe()
                            + ": it is not applied (the " + m.branch().label() + " branch is at " + s.head(m.branch()).orElse("base") + "); use upgrade");
                }
                if (m.branch() == Branch.CONTRACT) {
                    steps.addAll(downgradeSteps(s, Branch.CONTRACT, wanted));
                } else {
                    steps.addAll(downgradeExpandSteps(s, wanted, steps));
                }
            }
        }
        return steps;
    }

    // ---------------------------------------------------------------- plans

    /** What {@link #sync} would run now, without running it or taking the lock (refusals included). */
    public List<PlannedStep> planSync(SyncScope scope) {
        return planned(syncSteps(inspect(false), scope));
    }

    /** What {@link #upgrade} would run now, without running it or taking the lock. */
    public List<PlannedStep> planUpgrade(String target) {
        return planned(upgradeSteps(inspect(false), graph.target(target), target));
    }

    /**
     * What {@link #downgrade} would run now, without running it or taking the lock: what the CLI
     * shows before asking to confirm that data may be lost.
     */
    public List<PlannedStep> planDowngrade(String target) {
        return planned(downgradeSteps(inspect(false), graph.target(target), target));
    }

    private List<PlannedStep> planned(List<Step> steps) {
        refuseOneWayDowngrades(steps);
        return steps.stream().map(st -> new PlannedStep(st.migration(), st.direction())).toList();
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
            inTransaction(() -> {
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
                State s = state(true);
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
            State s = state(true);
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

    // ---------------------------------------------------------------- planning

    private static List<ResolvedMigration> sortedExpandFirst(List<ResolvedMigration> ms) {
        return ms.stream().sorted(java.util.Comparator.comparing(ResolvedMigration::branch)).toList();
    }

    /** Steps that bring {@code m}'s branch up to {@code m}, with the expand revisions contract ones require first. */
    private List<Step> upgradeSteps(State s, ResolvedMigration m, List<Step> planned) {
        List<Step> steps = new ArrayList<>();
        List<ResolvedMigration> chain = graph.chain(m.branch());
        int from = s.position(m.branch()) + 1;
        int to = graph.position(m);
        if (m.branch() == Branch.CONTRACT) {
            int expandNeeded = s.position(Branch.EXPAND);
            for (Step p : planned) {
                if (p.migration().branch() == Branch.EXPAND) {
                    expandNeeded = Math.max(expandNeeded, graph.position(p.migration()));
                }
            }
            int applied = expandNeeded;
            for (int i = from; i <= to; i++) {
                Optional<String> req = chain.get(i).requires();
                if (req.isPresent()) {
                    expandNeeded = Math.max(expandNeeded, graph.position(graph.get(req.get()).orElseThrow()));
                }
            }
            List<ResolvedMigration> expand = graph.chain(Branch.EXPAND);
            for (int i = applied + 1; i <= expandNeeded; i++) {
                steps.add(new Step(expand.get(i), Direction.UPGRADE));
            }
        }
        for (int i = from; i <= to; i++) {
            steps.add(new Step(chain.get(i), Direction.UPGRADE));
        }
        return steps;
    }

    /** Steps that take a branch down so that the revision at {@code keep} is its head (-1: base), newest first. */
    private List<Step> downgradeSteps(State s, Branch branch, int keep) {
        List<Step> steps = new ArrayList<>();
        List<ResolvedMigration> chain = graph.chain(branch);
        for (int i = s.position(branch); i > keep; i--) {
            steps.add(new Step(chain.get(i), Direction.DOWNGRADE));
        }
        return steps;
    }

    /** Expand down to {@code keep}, preceded by the contract revisions that require what goes away. */
    private List<Step> downgradeExpandSteps(State s, int keep, List<Step> planned) {
        List<ResolvedMigration> contract = graph.chain(Branch.CONTRACT);
        int contractAt = s.position(Branch.CONTRACT);
        for (Step p : planned) {
            if (p.migration().branch() == Branch.CONTRACT) {
                contractAt = Math.min(contractAt, graph.position(p.migration()) - 1);
            }
        }
        int contractKeep = contractAt;
        for (int i = 0; i <= contractAt; i++) {
            Optional<String> req = contract.get(i).requires();
            if (req.isPresent() && graph.position(graph.get(req.get()).orElseThrow()) > keep) {
                contractKeep = i - 1;
                break;
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = contractAt; i > contractKeep; i--) {
            steps.add(new Step(contract.get(i), Direction.DOWNGRADE));
        }
        steps.addAll(downgradeSteps(s, Branch.EXPAND, keep));
        return steps;
    }

    // ---------------------------------------------------------------- running

    private record Step(ResolvedMigration migration, Direction direction) {}

    private List<AppliedRevision> run(List<Step> steps) {
        refuseOneWayDowngrades(steps);
        List<AppliedRevision> done = new ArrayList<>();
        for (Step step : steps) {
            done.add(runStep(step));
        }
        return done;
    }

    /** Refuses the whole plan before running any of it when a step has no inverse. */
    private static void refuseOneWayDowngrades(List<Step> steps) {
        for (Step step : steps) {
            if (step.direction() == Direction.DOWNGRADE && !step.migration().canDowngrade()) {
                throw new ConcertinaException(ErrorCode.REFUSED, "revision " + step.migration().describe()
                        + " cannot be downgraded (it has no downgrade); nothing was run");
            }
        }
    }

    private AppliedRevision runStep(Step step) {
        ResolvedMigration m = step.migration();
        Direction d = step.direction();
        String checksum = m.checksum(dialect);
        boolean transactional = m.transactional() && support.transactionalDdl();
        Branch b = m.branch();
        Optional<String> newHead = d == Direction.UPGRADE ? Optional.of(m.id()) : m.parent();
        RunContext ctx = new RunContext(Sql.dsl(connection, dialect), connection, dialect, m, msg -> listener.progress(m, msg),
                config.lockRetry());
        listener.migrationStarted(m, d);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (transactional) {
            try {
                connection.setAutoCommit(false);
                invoke(m, d, ctx);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                store.setHead(b, newHead);
                store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), took, Outcome.SUCCEEDED, Optional.empty());
                connection.commit();
                connection.setAutoCommit(true);
                listener.migrationFinished(m, d, took);
                return new AppliedRevision(m.id(), b, d, m.message(), took);
            } catch (Exception | LinkageError e) {
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                rollback();
                String error = cause(e);
                try {
                    store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), took, Outcome.ROLLED_BACK, Optional.of(error));
                } catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                if (e instanceof ConcertinaException ce && ce.code() == ErrorCode.REFUSED) {
                    throw new ConcertinaException(ErrorCode.REFUSED, ce.getMessage() + "; rolled back, nothing changed", e);
                }
                throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, d.label() + " of " + b.label() + " revision " + m.describe()
                        + " failed: " + error + "; it was rolled back, nothing changed", e);
            }
        }
        long id = store.insert(m.id(), b, d, Optional.of(checksum), started, config.appliedBy(), Duration.ZERO, Outcome.STARTED, Optional.empty());
        try {
            invoke(m, d, ctx);
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (Exception | LinkageError e) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            rollback();
            String error = cause(e);
            try {
                store.finish(id, Outcome.FAILED, took, Optional.of(error));
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw new ConcertinaException(ErrorCode.MIGRATION_FAILED, d.label() + " of " + b.label() + " revision " + m.describe()
                    + " failed: " + error + "; it ran without a transaction (" + dialect.label()
                    + (m.transactional() ? " commits DDL implicitly" : " and the revision is marked transactional = false")
                    + "), so part of it may have taken effect: check the schema, then run `concertina repair`", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        inTransaction(() -> {
            store.setHead(b, newHead);
            store.finish(id, Outcome.SUCCEEDED, took, Optional.empty());
        });
        listener.migrationFinished(m, d, took);
        return new AppliedRevision(m.id(), b, d, m.message(), took);
    }

    private static void invoke(ResolvedMigration m, Direction d, RunContext ctx) throws Exception {
        if (d == Direction.UPGRADE) {
            m.migration().upgrade(ctx);
        } else {
            m.migration().downgrade(ctx);
        }
    }

    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        return Jdbc.oneLine(t);
    }

    private void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The connection is broken; the next statement reports it.
        }
    }

    private void inTransaction(Runnable work) {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof ConcertinaException ce) {
                throw ce;
            }
            throw new ConcertinaException(ErrorCode.CONNECTION, "cannot update the version tables: " + Jdbc.oneLine(e), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // Reported by the next statement.
            }
        }
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
    private State prepare() {
        store.create();
        State s = inspect(true);
        s.status().checksumMismatches().forEach(m -> listener.warning(m.describe()));
        return s;
    }

    /** The state, with the refusals every changing command shares. */
    private State inspect(boolean underLock) {
        State s = state(underLock);
        if (s.failed().isPresent()) {
            throw new ConcertinaException(ErrorCode.NEEDS_REPAIR, s.failed().get().describe());
        }
        if (!s.unknown().isEmpty()) {
            throw new ConcertinaException(ErrorCode.REFUSED, "the database is at " + String.join(", ", s.unknown())
                    + ", which this code does not know: it was migrated by a newer release; run that release's migrations");
        }
        return s;
    }

    /**
     * Reads the version tables. Without the lock, a {@code started} attempt may belong to a runner
     * that is still at work: it only counts as needing repair when nobody holds the lock.
     */
    private State state(boolean underLock) {
        if (!store.exists()) {
            return new State(false, Map.of(), List.of(), Optional.empty(), List.of());
        }
        Map<Branch, String> heads = store.heads();
        List<HistoryEntry> history = store.history();
        List<String> unknown = new ArrayList<>();
        heads.forEach((b, r) -> {
            if (graph.get(r).filter(m -> m.branch() == b).isEmpty()) {
                unknown.add(b.label() + " revision " + r);
            }
        });
        Optional<FailedAttempt> failed = history.stream().filter(h -> h.outcome().needsRepair()).findFirst()
                .map(h -> new FailedAttempt(h.revision(), h.branch(), h.direction(),
                        graph.get(h.revision()).map(ResolvedMigration::message).orElse(""), h.outcome(), h.appliedAt(), h.appliedBy(), h.error()));
        if (!underLock && failed.filter(f -> f.outcome() == Outcome.STARTED).isPresent() && anotherRunnerHoldsTheLock()) {
            failed = Optional.empty();
        }
        return new State(true, heads, unknown, failed, history);
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

    private final class State {
        private final boolean underVersionControl;
        private final Map<Branch, String> heads;
        private final List<String> unknown;
        private final Optional<FailedAttempt> failed;
        private final List<HistoryEntry> history;

        State(boolean underVersionControl, Map<Branch, String> heads, List<String> unknown, Optional<FailedAttempt> failed, List<HistoryEntry> history) {
            this.underVersionControl = underVersionControl;
            this.heads = heads;
            this.unknown = unknown;
            this.failed = failed;
            this.history = history;
        }

        Optional<String> head(Branch b) {
            return Optional.ofNullable(heads.get(b));
        }

        List<String> unknown() {
            return unknown;
        }

        Optional<FailedAttempt> failed() {
            return failed;
        }

        /** Index of the applied head in the branch's chain; -1 at base (or unknown). */
        int position(Branch b) {
            return head(b).flatMap(graph::get).map(graph::position).orElse(-1);
        }

        List<ResolvedMigration> pending(Branch b) {
            List<ResolvedMigration> chain = graph.chain(b);
            if (head(b).isPresent() && graph.get(head(b).get()).isEmpty()) {
                return List.of();
            }
            return chain.subList(position(b) + 1, chain.size());
        }

        List<ResolvedMigration> applied(Branch b) {
            return graph.chain(b).subList(0, position(b) + 1);
        }

        Status status() {
            List<ChecksumMismatch> mismatches = new ArrayList<>();
            for (Branch b : Branch.values()) {
                for (ResolvedMigration m : applied(b)) {
                    history.stream()
                            .filter(h -> h.revision().equals(m.id()) && h.success() && h.direction() != Direction.DOWNGRADE && h.checksum().isPresent())
                            .findFirst()
                            .ifPresent(h -> {
                                String now = m.checksum(dialect);
                                if (!now.equals(h.checksum().get())) {
                                    mismatches.add(new ChecksumMismatch(m.id(), b, m.message(), h.checksum().get(), now));
                                }
                            });
                }
            }
            return new Status(underVersionControl, branchStatus(Branch.EXPAND), branchStatus(Branch.CONTRACT), unknown, mismatches, failed);
        }

        private BranchStatus branchStatus(Branch b) {
            return new BranchStatus(b, head(b), graph.head(b).map(ResolvedMigration::id), pending(b));
        }
    }

    private static String ids(List<ResolvedMigration> ms) {
        return ms.stream().map(ResolvedMigration::id).collect(Collectors.joining(", "));
    }
}
