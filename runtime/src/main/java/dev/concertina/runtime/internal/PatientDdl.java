package dev.concertina.runtime.internal;

import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.online.OnlineDdl;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The migration's connection, on which every DDL statement waits for its lock as the online forms
 * do (issue 14): a short wait per attempt, retried after a growing pause, failing with the holders
 * named when the patience runs out ({@link OnlineDdl#run}). Without it a plain {@code ALTER TABLE}
 * of a generated or hand-written migration would wait in the lock queue for the revision's whole
 * patience, and every query of the application on that table would queue behind it.
 *
 * <p>Statements that already run under the online forms' own retries, reads, DML and session
 * settings pass straight through.
 */
public final class PatientDdl {

    private PatientDdl() {}

    /** {@code connection}, with DDL retried under the lock rules of {@code ctx} (known once it exists). */
    public static Connection wrap(Connection connection, Supplier<MigrationContext> ctx) {
        return (Connection) Proxy.newProxyInstance(
                PatientDdl.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, args) -> {
                    Object result = StepRecorder.invoke(connection, m, args);
                    if (m.getName().equals("createStatement")) {
                        return statement(Statement.class, (Statement) result, null, ctx);
                    }
                    if (m.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        return statement(PreparedStatement.class, (Statement) result, sql, ctx);
                    }
                    return result;
                });
    }

    /** A statement whose DDL executions are retried; {@code prepared} is the SQL of a prepared one. */
    private static <S extends Statement> S statement(
            Class<S> type, Statement target, String prepared, Supplier<MigrationContext> ctx) {
        InvocationHandler handler = (p, m, args) -> {
            if (!m.getName().startsWith("execute") || m.getName().equals("executeBatch")) {
                return StepRecorder.invoke(target, m, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
            if (sql == null || StatementKind.of(sql) != StatementKind.DDL || OnlineDdl.retrying()) {
                return StepRecorder.invoke(target, m, args);
            }
            Object[] result = new Object[1];
            try {
                OnlineDdl.run(ctx.get(), oneLine(sql), () -> {
                    try {
                        result[0] = StepRecorder.invoke(target, m, args);
                    } catch (Throwable t) {
                        throw new Failed(t);
                    }
                });
            } catch (Failed f) {
                throw f.getCause();
            }
            return result[0];
        };
        return type.cast(Proxy.newProxyInstance(PatientDdl.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** The statement as the error that ends its retries names it. */
    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** Carries the statement's own failure through the retry loop, which tells lock waits by their cause. */
    private static final class Failed extends RuntimeException {
        Failed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
