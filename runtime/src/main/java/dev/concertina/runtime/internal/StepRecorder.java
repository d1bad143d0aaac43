package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Direction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;

/**
 * Records each step of a non-transactional revision as it completes, so that running the revision
 * again after a crash or a failure resumes it instead of repeating what already took effect.
 *
 * <p>A step is one statement that writes (DDL or DML) issued on the migration's connection, or one
 * {@link dev.concertina.runtime.MigrationContext#step helper step} (a backfill, a sync trigger),
 * whose own statements are not steps. Reads and session settings ({@code SET …}) are not steps:
 * they always run. A step is known by a hash of its SQL and bind values, so a rerun skips exactly
 * the statements that completed before, whatever reads it repeats on the way.
 *
 * <p>How completion is recorded: a DML statement, and on PostgreSQL any DDL that may run in a
 * transaction, commits together with its journal row. DDL that commits implicitly (MariaDB, H2,
 * PostgreSQL's {@code CONCURRENTLY}) is recorded as started, with the catalog's fingerprint, before
 * it runs: a rerun compares the catalog with it to tell whether it took effect. A helper step is
 * recorded when it returns, and simply runs again if it did not (helpers are idempotent).
 *
 * <p>Over 400 lines on purpose: the recording rules and the three JDBC proxies that apply them
 * (connection, statement, prepared statement) share the attempt's state and are one mechanism.
 */
public final class StepRecorder {

    private static final Pattern OUTSIDE_TRANSACTION =
            Pattern.compile("\\b(CONCURRENTLY|VACUUM)\\b", Pattern.CASE_INSENSITIVE);

    private final Connection real;
    private final Dialect dialect;
    private final DialectSupport support;
    private final boolean transactionalDdl;
    private final StepJournal journal;
    private final String revision;
    private final Direction direction;
    /** Keys of steps that completed in earlier attempts and have not been met again in this one. */
    private final Map<String, Integer> completed = new HashMap<>();

    private int nextSeq = 1;
    /** Steps met in this attempt, run or skipped: the step's place in the revision (for {@link TestPause}). */
    private int ordinal;

    private int depth;
    private int ranHere;
    private final Connection proxy;
    private java.util.function.Consumer<String> onStep = step -> {};

    public StepRecorder(
            Connection real,
            Dialect dialect,
            DialectSupport support,
            StepJournal journal,
            String revision,
            Direction direction) {
        this.real = real;
        this.dialect = dialect;
        this.support = support;
        this.transactionalDdl = support.transactionalDdl();
        this.journal = journal;
        this.revision = revision;
        this.direction = direction;
        this.proxy = (Connection) Proxy.newProxyInstance(
                StepRecorder.class.getClassLoader(), new Class<?>[] {Connection.class}, new ConnectionHandler());
    }

    /**
     * Loads what earlier attempts completed, settling a step left started: done when the catalog
     * changed since its fingerprint, forgotten (to run again) when it did not.
     *
     * @return the completed steps, in the order they ran
     */
    public List<StepJournal.Entry> resume() {
        List<StepJournal.Entry> done = new ArrayList<>();
        for (StepJournal.Entry e : journal.load(revision, direction)) {
            nextSeq = Math.max(nextSeq, e.seq() + 1);
            if (e.state() == StepJournal.State.STARTED) {
                boolean tookEffect = e.fingerprint().isPresent()
                        && !e.fingerprint().get().equals(CatalogFingerprint.of(real, dialect));
                if (!tookEffect) {
                    journal.forget(revision, direction, e.seq());
                    continue;
                }
                journal.markDone(revision, direction, e.seq());
            }
            done.add(e);
            completed.merge(e.key(), 1, Integer::sum);
        }
        return done;
    }

    /** Tells {@code listener} each step that completed and is recorded. */
    public StepRecorder onCompleted(java.util.function.Consumer<String> listener) {
        this.onStep = listener;
        return this;
    }

    /** The connection the migration gets. */
    public Connection connection() {
        return proxy;
    }

    /** True when this attempt ran a step (so the schema may differ from before it). */
    public boolean ranAnything() {
        return ranHere > 0;
    }

    /** Runs a helper step: skipped when an earlier attempt completed it, recorded when it returns. */
    public void step(String description, Runnable work) {
        if (depth > 0) {
            work.run();
            return;
        }
        String key = key(description, List.of());
        int place = ++ordinal;
        if (takeCompleted(key)) {
            return;
        }
        int seq = nextSeq++;
        journal.record(
                revision,
                direction,
                new StepJournal.Entry(seq, key, description, StepJournal.State.STARTED, Optional.empty()));
        durable();
        ranHere++;
        depth++;
        try {
            work.run();
        } finally {
            depth--;
        }
        TestPause.at(revision + " step " + place);
        journal.markDone(revision, direction, seq);
        durable();
        onStep.accept(description);
    }

    /** In auto-commit mode: what is recorded survives a killed process (H2's write delay). */
    private void durable() throws RuntimeException {
        try {
            if (real.getAutoCommit()) {
                support.makeDurable(real);
            }
        } catch (SQLException e) {
            throw new dev.concertina.runtime.ConcertinaException(
                    dev.concertina.runtime.ErrorCode.CONNECTION, "cannot record a step: " + Jdbc.oneLine(e), e);
        }
    }

    private boolean takeCompleted(String key) {
        Integer n = completed.get(key);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            completed.remove(key);
        } else {
            completed.put(key, n - 1);
        }
        return true;
    }

    private static String key(String text, List<Object> binds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            for (Object b : binds) {
                sha.update((byte) 0);
                sha.update(Checksums.render(b).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }

    /** The action of running one statement on a real or a recording connection. */
    @FunctionalInterface
    private interface Execution {
        Object on(Connection c) throws Throwable;
    }

    /**
     * Runs one statement as a step: skipped when completed before, recorded otherwise. Reads run
     * always; while steps completed earlier lie ahead, a read that fails (it may read a column an
     * earlier attempt already dropped) answers empty instead, as checksums do.
     */
    private Object run(String sql, List<Object> binds, Execution execution) throws Throwable {
        StatementKind kind = StatementKind.of(sql);
        if (depth > 0 || kind == StatementKind.SESSION) {
            return execution.on(real);
        }
        if (kind == StatementKind.READ) {
            try {
                return execution.on(real);
            } catch (SQLException e) {
                if (completed.isEmpty()) {
                    throw e;
                }
                return execution.on(recording());
            }
        }
        String key = key(sql, binds);
        int place = ++ordinal;
        if (takeCompleted(key)) {
            return execution.on(recording());
        }
        int seq = nextSeq++;
        boolean inTransaction = kind == StatementKind.DML
                || (transactionalDdl && !OUTSIDE_TRANSACTION.matcher(sql).find());
        if (inTransaction) {
            boolean auto = real.getAutoCommit();
            if (auto) {
                real.setAutoCommit(false);
            }
            try {
                Object result = execution.on(real);
                journal.record(
                        revision,
                        direction,
                        new StepJournal.Entry(seq, key, sql, StepJournal.State.DONE, Optional.empty()));
                TestPause.at(revision + " step " + place);
                if (auto) {
                    real.commit();
                    support.makeDurable(real);
                    onStep.accept(sql);
                }
                ranHere++;
                return result;
            } catch (Throwable t) {
                if (auto) {
                    real.rollback();
                }
                throw t;
            } finally {
                if (auto) {
                    real.setAutoCommit(true);
                }
            }
        }
        journal.record(
                revision,
                direction,
                new StepJournal.Entry(
                        seq, key, sql, StepJournal.State.STARTED, Optional.of(CatalogFingerprint.of(real, dialect))));
        durable();
        Object result;
        try {
            result = execution.on(real);
        } catch (SQLException e) {
            // A failed DDL statement took no effect (MariaDB and H2 DDL is atomic per statement).
            journal.forget(revision, direction, seq);
            throw e;
        }
        ranHere++;
        TestPause.at(revision + " step " + place);
        journal.markDone(revision, direction, seq);
        durable();
        onStep.accept(sql);
        return result;
    }

    private Connection recording() {
        return new MockConnection(ctx ->
                new MockResult[] {new MockResult(0, DSL.using(dialect.jooq()).newResult())});
    }

    /** Calls {@code m} on {@code target}, throwing what it throws (not the reflection wrapper); the proxies share it. */
    static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {
        @Override
        public Object invoke(Object p, Method m, Object[] args) throws Throwable {
            if (depth == 0 && m.getName().equals("prepareStatement")) {
                return Proxy.newProxyInstance(
                        StepRecorder.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        new PreparedHandler(m, args));
            }
            if (depth == 0 && m.getName().equals("createStatement")) {
                Statement statement = (Statement) StepRecorder.invoke(real, m, args);
                return Proxy.newProxyInstance(
                        StepRecorder.class.getClassLoader(),
                        new Class<?>[] {Statement.class},
                        new StatementHandler(statement));
            }
            return StepRecorder.invoke(real, m, args);
        }
    }

    /** A plain statement: each {@code execute…(sql)} is one statement. */
    private final class StatementHandler implements InvocationHandler {
        private final Statement statement;
        private Statement last;

        StatementHandler(Statement statement) {
            this.statement = statement;
            this.last = statement;
        }

        @Override
        public Object invoke(Object p, Method m, Object[] args) throws Throwable {
            if (m.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                return run(sql, List.of(), c -> {
                    if (c == real) {
                        last = statement;
                        return StepRecorder.invoke(statement, m, args);
                    }
                    last = c.createStatement();
                    return StepRecorder.invoke(last, m, args);
                });
            }
            return StepRecorder.invoke(m.getName().startsWith("get") ? last : statement, m, args);
        }
    }

    /**
     * A prepared statement, prepared for real only when it runs (a statement an earlier attempt
     * completed may name a column that is gone): settings and binds are kept until then.
     */
    private final class PreparedHandler implements InvocationHandler {
        private final Method prepare;
        private final Object[] prepareArgs;
        private final String sql;
        private final List<Object[]> calls = new ArrayList<>();
        private final List<Method> callMethods = new ArrayList<>();
        private final List<Object> binds = new ArrayList<>();
        private PreparedStatement executed;
        private boolean closed;

        PreparedHandler(Method prepare, Object[] prepareArgs) {
            this.prepare = prepare;
            this.prepareArgs = prepareArgs;
            this.sql = (String) prepareArgs[0];
        }

        @Override
        public Object invoke(Object p, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.startsWith("execute")) {
                List<Object> all = List.copyOf(binds);
                return run(sql, all, c -> {
                    PreparedStatement s = c == real
                            ? (PreparedStatement) StepRecorder.invoke(real, prepare, prepareArgs)
                            : c.prepareStatement(sql);
                    if (executed != null) {
                        executed.close();
                    }
                    executed = s;
                    if (c == real) {
                        for (int i = 0; i < calls.size(); i++) {
                            StepRecorder.invoke(s, callMethods.get(i), calls.get(i));
                        }
                    }
                    return StepRecorder.invoke(s, m, args);
                });
            }
            if (name.startsWith("set")
                    || name.equals("addBatch")
                    || name.equals("clearParameters")
                    || name.equals("clearBatch")) {
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                    binds.add(args[1]);
                }
                callMethods.add(m);
                calls.add(args);
                return null;
            }
            if (name.equals("close")) {
                closed = true;
                if (executed != null) {
                    executed.close();
                }
                return null;
            }
            if (name.equals("isClosed")) {
                return closed;
            }
            if (executed == null) {
                if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                    return name.equals("isWrapperFor") ? false : null;
                }
                if (name.equals("getConnection")) {
                    return proxy;
                }
                if (name.startsWith("get") && m.getReturnType() == int.class) {
                    return 0;
                }
                if (m.getReturnType() == boolean.class) {
                    return false;
                }
                return null;
            }
            return StepRecorder.invoke(executed, m, args);
        }
    }
}
