package dev.concertina.runtime.internal;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ResolvedMigration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HexFormat;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockDataProvider;
import org.jooq.tools.jdbc.MockExecuteContext;
import org.jooq.tools.jdbc.MockResult;

/**
 * Checksums of what a migration does, not of how it was compiled.
 *
 * <p>The migration's upgrade and then its downgrade run against a recording JDBC connection
 * (jOOQ's {@link MockConnection}) that answers every statement with an empty result; the SQL and
 * bind values it receives are hashed with SHA-256. Recompiling the same source with another JDK,
 * compiler or debug setting yields the same SQL and so the same checksum; changing a statement
 * changes it. An exception a migration throws against the empty results (it read data and found
 * none) is part of the recording (its class name), so the result stays deterministic.
 */
public final class Checksums {

    private Checksums() {}

    public static String of(ResolvedMigration m, Dialect dialect) {
        StringBuilder text = new StringBuilder();
        text.append("branch ").append(m.branch().label()).append('\n');
        text.append("transactional ").append(m.transactional()).append('\n');
        record(text, "upgrade", m, dialect, true);
        record(text, "downgrade", m, dialect, false);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }

    private static final java.util.regex.Pattern IDENTITY = java.util.regex.Pattern.compile("^([\\w.$]+)@[0-9a-f]+$");

    /** A bind value as text that is the same in every run (no identity hash codes). */
    static String render(Object value) {
        if (value instanceof byte[] b) {
            return Arrays.toString(b);
        }
        if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        String text = String.valueOf(value);
        java.util.regex.Matcher m = IDENTITY.matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    private static void record(
            StringBuilder text, String phase, ResolvedMigration m, Dialect dialect, boolean upgrade) {
        text.append("== ").append(phase).append('\n');
        MockDataProvider recorder = (MockExecuteContext ctx) -> {
            String[] statements = ctx.batchSQL();
            if (statements.length == 0) {
                statements = new String[] {ctx.sql()};
            }
            for (String sql : statements) {
                text.append(sql).append('\n');
            }
            Object[][] bindings = ctx.batchBindings();
            if (bindings.length == 0 && ctx.bindings().length > 0) {
                bindings = new Object[][] {ctx.bindings()};
            }
            for (Object[] row : bindings) {
                text.append("  bind ");
                for (Object value : row) {
                    text.append(render(value)).append(" | ");
                }
                text.append('\n');
            }
            return new MockResult[] {new MockResult(0, DSL.using(dialect.jooq()).newResult())};
        };
        Connection connection = new MockConnection(recorder);
        DSLContext dsl = Sql.dsl(connection, dialect);
        RunContext ctx = new RunContext(dsl, connection, dialect, m, message -> {});
        try {
            if (upgrade) {
                m.migration().upgrade(ctx);
            } else {
                m.migration().downgrade(ctx);
            }
        } catch (Exception | LinkageError e) {
            text.append("! ").append(e.getClass().getName()).append('\n');
        }
    }
}
