package dev.concertina.codegen;

import dev.concertina.engine.plan.Plan;
import dev.concertina.runtime.Branch;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.internal.PatientDdl;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;
import org.jooq.tools.jdbc.MockResult;

/**
 * The SQL a plan's migrations issue on one database, for {@code concertina diff --format sql}.
 *
 * <p>Not a second renderer: the plan is generated into the same classes {@link MigrationWriter}
 * writes, compiled in memory, and their {@code upgrade} run against a recording connection, so
 * the SQL shown is what the classes run. Steps done by the runtime helpers (sync triggers, write
 * guards, backfills) and pre-checks that read rows are shown as {@code --} comment lines saying
 * what they do: their SQL depends on the live database (its triggers, its rows). Needs a JDK.
 */
public final class PlanSql {

    private PlanSql() {}

    /**
     * The statements of each phase with steps, in order, as run on {@code target}; the plan's
     * names were read in {@code source}.
     */
    public static Map<Branch, List<String>> statements(Plan plan, Dialect source, Dialect target) {
        return statements(plan, source, List.of(target)).get(target);
    }

    /** {@link #statements(Plan, Dialect, Dialect)} for several databases, compiling once. */
    public static Map<Dialect, Map<Branch, List<String>>> statements(Plan plan, Dialect source, List<Dialect> targets) {
        List<GeneratedMigration> classes = MigrationWriter.write(
                plan,
                MigrationRequest.of("dev.concertina.sqlview", "plan", source, BranchHead.empty(), BranchHead.empty()),
                true);
        Map<Dialect, Map<Branch, List<String>>> all = new LinkedHashMap<>();
        InMemoryCompiler.Result compiled =
                classes.isEmpty() ? null : InMemoryCompiler.compile(classes, PlanSql.class.getClassLoader());
        for (Dialect target : targets) {
            Map<Branch, List<String>> out = new LinkedHashMap<>();
            for (GeneratedMigration g : classes) {
                out.put(g.branch(), record(compiled.classes().get(g.className()), target));
            }
            all.put(target, out);
        }
        return all;
    }

    /** The statements as one script: a header per phase, each statement ended by {@code ;}. */
    public static String render(Plan plan, Dialect source, Dialect target) {
        StringBuilder s = new StringBuilder();
        statements(plan, source, target).forEach((phase, list) -> {
            s.append("-- ")
                    .append(phase.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" (")
                    .append(target.label())
                    .append(")\n");
            for (String statement : list) {
                s.append(statement).append(commentOnly(statement) ? "\n" : ";\n");
            }
        });
        return s.toString();
    }

    /** A progress line of the view ({@code -- …}), not a statement that begins with comment lines. */
    private static boolean commentOnly(String statement) {
        return statement.lines().allMatch(l -> l.stripLeading().startsWith("--"));
    }

    /** Runs the upgrade of {@code type} against a recording connection and returns what it issued. */
    static List<String> record(Class<?> type, Dialect target) {
        List<String> out = new ArrayList<>();
        // Reads (a catalog lookup in SchemaNames) see no rows; everything else changes none.
        org.jooq.Result<?> none = DSL.using(target.jooq()).newResult(DSL.field(DSL.quotedName("value")));
        MockConnection connection = new MockConnection(ctx -> {
            boolean read =
                    ctx.sql().stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select");
            if (!read) {
                out.add(ctx.sql());
            }
            return new MockResult[] {read ? new MockResult(0, none) : new MockResult(0)};
        });
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withStatementType(StatementType.STATIC_STATEMENT)
                .withExecuteLogging(false)
                .withDiagnosticsLogging(false);
        ResolvedMigration resolved = ResolvedMigration.of(type);
        // The DDL statements wait for locks as they do in a real run, and the view shows how.
        Recording[] self = new Recording[1];
        Connection patient = PatientDdl.wrap(connection, () -> self[0]);
        self[0] = new Recording(DSL.using(patient, target.jooq(), settings), patient, target, resolved, out);
        try {
            Migration m = (Migration) type.getDeclaredConstructor().newInstance();
            m.upgrade(self[0]);
        } catch (InvocationTargetException e) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, "render SQL of " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new ConcertinaException(ErrorCode.CODEGEN, "render SQL of " + type.getSimpleName() + ": " + e, e);
        }
        return List.copyOf(out);
    }

    /** The context of a recorded run: progress lines go in among the statements. */
    private record Recording(
            DSLContext dsl, Connection connection, Dialect dialect, ResolvedMigration revision, List<String> out)
            implements MigrationContext {
        Recording {
            Objects.requireNonNull(out, "out");
        }

        @Override
        public void progress(String message) {
            out.add(message);
        }
    }
}
