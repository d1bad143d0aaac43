package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * Renders plan steps as statements of a generated method body: picks the renderer for each step
 * ({@link DdlCode} for schema changes, {@link PrecheckCode} for pre-checks of existing rows,
 * {@link RowWriteCode} for conversions and row copies) and writes the calls of the runtime helpers
 * (sync triggers, write guards, backfills, table syncs) itself. Every name goes through the
 * {@link NamePolicy}.
 */
final class StepCode {

    static final ClassName SYNC_TRIGGERS = ClassName.get("dev.concertina.runtime.expand", "SyncTriggers");
    static final ClassName WRITE_GUARD = ClassName.get("dev.concertina.runtime.expand", "WriteGuard");
    static final ClassName BACKFILL = ClassName.get("dev.concertina.runtime.expand", "Backfill");
    static final ClassName BACKFILL_OPTIONS = ClassName.get("dev.concertina.runtime.expand", "BackfillOptions");
    static final ClassName TABLE_SYNC = ClassName.get("dev.concertina.runtime.expand", "TableSync");
    static final ClassName LIST = ClassName.get(List.class);

    private final NamePolicy p;
    private final boolean sqlView;
    private final ExpressionCode expressions;
    private final DdlCode ddl;
    private final PrecheckCode prechecks;
    private final RowWriteCode rowWrites;

    /**
     * @param sqlView for {@link PlanSql}: steps done by runtime helpers or reading rows are
     *                reported with {@code ctx.progress("-- …")} instead of being run
     */
    StepCode(NamePolicy policy, boolean sqlView) {
        this.p = policy;
        this.sqlView = sqlView;
        this.expressions = new ExpressionCode(policy);
        this.ddl = new DdlCode(policy, sqlView);
        this.prechecks = new PrecheckCode(policy, expressions);
        this.rowWrites = new RowWriteCode(policy, sqlView, expressions);
    }

    /** The statements of one step, preceded by a comment saying what it does. */
    CodeBlock step(Step step) {
        CodeBlock.Builder b = CodeBlock.builder();
        b.add(Layout.comment(p.spell(step.describe())));
        if (step instanceof Step.Ddl d) {
            ddl.ddl(d.change(), b);
        } else if (sqlView && !(step instanceof Step.ConvertColumn) && !(step instanceof Step.CopyRows)) {
            b.addStatement(
                    "ctx.progress($L)", Layout.string("-- " + kind(step) + ": " + Javadocs.oneLine(step.describe())));
        } else if (step instanceof Step.InstallSync s) {
            b.addStatement(
                    "$T.install(ctx, $L, $L, $L,$W$L,$W$L)",
                    SYNC_TRIGGERS,
                    p.name(s.table()),
                    p.name(s.oldColumn()),
                    p.name(s.newColumn()),
                    expressions.conversion(s.up(), s.oldColumn(), s),
                    expressions.conversion(s.down(), s.newColumn(), s));
        } else if (step instanceof Step.DropSync s) {
            b.addStatement(
                    "$T.drop(ctx, $L,$W$L,$W$L)",
                    SYNC_TRIGGERS,
                    p.name(s.table()),
                    p.name(s.oldColumn()),
                    p.name(s.newColumn()));
        } else if (step instanceof Step.InstallGuard g) {
            b.addStatement(
                    "$T.install(ctx, $L,$W$L)",
                    WRITE_GUARD,
                    p.name(g.table()),
                    Layout.string(guardMessage(p.spellNames(g.message()))));
        } else if (step instanceof Step.DropGuard g) {
            b.addStatement("$T.drop(ctx, $L)", WRITE_GUARD, p.name(g.table()));
        } else if (step instanceof Step.BackfillColumn f) {
            backfill(f, b);
        } else if (step instanceof Step.CheckExistingRows c) {
            prechecks.check(c, b);
        } else if (step instanceof Step.ConvertColumn c) {
            rowWrites.convert(c, b);
        } else if (step instanceof Step.CopyRows c) {
            rowWrites.copyRows(c, b);
        } else if (step instanceof Step.InstallTableSync s) {
            b.addStatement(
                    "$T.install(ctx, $L, $L, $L,\n$L)",
                    TABLE_SYNC,
                    p.name(s.table()),
                    p.name(s.newTable()),
                    tableSyncColumns(s),
                    p.names(s.key()));
        } else if (step instanceof Step.DropTableSync s) {
            b.addStatement("$T.drop(ctx, $L,$W$L)", TABLE_SYNC, p.name(s.table()), p.name(s.newTable()));
        } else {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    step.describe() + ": step kind '" + step.kind()
                            + "' has no runtime helper to generate a call for yet");
        }
        return b.build();
    }

    /**
     * The message as one line; one that does not fit fails here rather than being cut short in the
     * database (MariaDB/MySQL's SIGNAL keeps 128 characters; the planner makes every guard message fit).
     */
    static String guardMessage(String message) {
        String m = Javadocs.oneLine(message);
        if (m.length() > Step.InstallGuard.MAX_MESSAGE) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    "write guard message longer than " + Step.InstallGuard.MAX_MESSAGE + " characters: " + m);
        }
        return m;
    }

    /** Who does a step that is not plain DDL, for the SQL view. */
    private static String kind(Step step) {
        if (step instanceof Step.CheckExistingRows) {
            return "pre-check (reads rows)";
        }
        if (step instanceof Step.BackfillColumn) {
            return "runtime Backfill";
        }
        if (step instanceof Step.InstallSync || step instanceof Step.DropSync) {
            return "runtime SyncTriggers";
        }
        if (step instanceof Step.InstallGuard || step instanceof Step.DropGuard) {
            return "runtime WriteGuard";
        }
        if (step instanceof Step.InstallTableSync || step instanceof Step.DropTableSync) {
            return "runtime TableSync";
        }
        return "runtime";
    }

    private void backfill(Step.BackfillColumn f, CodeBlock.Builder b) {
        Optional<String> source = ExpressionCode.sourceColumn(f.expression());
        if (source.isPresent()) {
            b.addStatement(
                    "$T.run(ctx, $L, $L, $L,$W$L,$W$T.defaults())",
                    BACKFILL,
                    p.name(f.table()),
                    p.name(source.get()),
                    p.name(f.column()),
                    expressions.conversion(f.expression(), source.get(), f),
                    BACKFILL_OPTIONS);
        } else {
            b.addStatement(
                    "$T.run(ctx, $L, $L,$W$L,$W$T.defaults())",
                    BACKFILL,
                    p.name(f.table()),
                    p.name(f.column()),
                    expressions.field(f.expression(), f.describe()),
                    BACKFILL_OPTIONS);
        }
    }

    /** The {@code TableSync.column(…)} list of a table sync: one per mapped column, with its conversions. */
    private CodeBlock tableSyncColumns(Step.InstallTableSync s) {
        CodeBlock columns = s.columns().stream()
                .map(m -> m.oldColumn().equals(m.newColumn())
                                && ExpressionCode.identity(m.up(), m.oldColumn())
                                && ExpressionCode.identity(m.down(), m.newColumn())
                        ? CodeBlock.of("\n$T.column($L)", TABLE_SYNC, p.name(m.oldColumn()))
                        : CodeBlock.of(
                                "\n$T.column($L, $L,$W$L,$W$L)",
                                TABLE_SYNC,
                                p.name(m.oldColumn()),
                                p.name(m.newColumn()),
                                expressions.conversion(m.up(), m.oldColumn(), s),
                                expressions.conversion(m.down(), m.newColumn(), s)))
                .collect(CodeBlock.joining(","));
        return CodeBlock.of("$T.of($L)", LIST, columns);
    }
}
