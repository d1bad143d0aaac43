package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.plan.Step;
import java.util.List;

/**
 * Renders the steps that rewrite rows with plain jOOQ statements: a column converted in place
 * ({@link Step.ConvertColumn}), and rows copied into a replacement table ({@link Step.CopyRows})
 * through the runtime's batched {@code RowCopy}.
 */
final class RowWriteCode {

    private static final ClassName DSL = TypeCode.DSL;
    private static final ClassName DIALECT = ClassName.get("dev.concertina.runtime", "Dialect");
    private static final ClassName ROW_COPY = ClassName.get("dev.concertina.runtime.expand", "RowCopy");
    private static final int INDENT = Layout.BODY_INDENT;

    private final NamePolicy p;
    private final boolean sqlView;
    private final ExpressionCode expressions;

    /** A step whose runtime helper commits batch by batch, so its revision cannot be transactional. */
    static boolean commitsInBatches(Step step) {
        return step instanceof Step.BackfillColumn
                || step instanceof Step.CopyRows
                || step instanceof Step.ConvertColumn;
    }

    RowWriteCode(NamePolicy policy, boolean sqlView, ExpressionCode expressions) {
        this.p = policy;
        this.sqlView = sqlView;
        this.expressions = expressions;
    }

    /**
     * Converts a column through its planned conversion by a column swap (the runtime's
     * {@code OnlineDdl.convertColumn}): a new column of the target type kept equal to the old one by a
     * one-way sync trigger, filled in batches, then swapped in atomically, so no write is lost and the
     * column is never missing (docs/expand.md, "Column swap"). Indexes and constraints on the old column
     * go with it (the planner re-adds those the model has).
     */
    void convert(Step.ConvertColumn c, CodeBlock.Builder b) {
        String where = DdlCode.where(c.table(), c.to().name());
        new OnlineDdlCode(p)
                .convertColumn(
                        b,
                        p.name(c.table()),
                        p.name(c.to().name()),
                        TypeCode.column(c.to().withIdentity(false), where),
                        expressions.conversion(c.using(), c.from().name(), c));
    }

    /**
     * Copies rows missing from the new table, matched on the key, in keyset batches of their own
     * transactions (the runtime's {@code RowCopy}), so a big table is never locked for the whole
     * copy; the revision is therefore not transactional ({@link MigrationWriter#commitsOnItsOwn}).
     * The SQL view shows the statement of a batch, without the key range decided where it runs.
     */
    void copyRows(Step.CopyRows c, CodeBlock.Builder b) {
        if (sqlView) {
            b.addStatement(
                    "ctx.progress($L)",
                    Layout.string("-- runtime RowCopy, in keyset batches on the key, each: "
                            + Javadocs.oneLine(c.describe())));
            copyStatement(c, b);
            return;
        }
        CodeBlock target = c.columns().stream().map(m -> p.name(m.newColumn())).collect(CodeBlock.joining(",$W"));
        CodeBlock values = c.columns().stream()
                .map(m -> expressions.field(m.up(), c.describe()))
                .collect(CodeBlock.joining(",$W"));
        List<String> oldKey = c.key().stream()
                .map(newKey -> c.columns().stream()
                        .filter(m -> m.newColumn().equals(newKey))
                        .map(Step.ColumnMapping::oldColumn)
                        .findFirst()
                        .orElse(newKey))
                .toList();
        b.addStatement(
                "$T.run(ctx, $L, $L,\n$T.of($L),\n$T.of($L),\n$T.of($L), $T.of($L),$W$T.defaults())",
                ROW_COPY,
                p.name(c.table()),
                p.name(c.newTable()),
                StepCode.LIST,
                target,
                StepCode.LIST,
                values,
                StepCode.LIST,
                p.names(oldKey),
                StepCode.LIST,
                p.names(c.key()),
                StepCode.BACKFILL_OPTIONS);
    }

    /** The statement each batch of the copy runs, without its key range: what the SQL view shows. */
    private void copyStatement(Step.CopyRows c, CodeBlock.Builder b) {
        CodeBlock target = c.columns().stream()
                .map(m -> CodeBlock.of("$T.field($L)", DSL, p.name(m.newColumn())))
                .collect(CodeBlock.joining(",$W"));
        CodeBlock values = c.columns().stream()
                .map(m -> expressions.field(m.up(), c.describe()))
                .collect(CodeBlock.joining(",$W"));
        CodeBlock alias = CodeBlock.of("$T.quotedName($S)", DSL, "concertina_new");
        CodeBlock.Builder match = CodeBlock.builder();
        for (int i = 0; i < c.key().size(); i++) {
            String newKey = c.key().get(i);
            String oldKey = c.columns().stream()
                    .filter(m -> m.newColumn().equals(newKey))
                    .map(Step.ColumnMapping::oldColumn)
                    .findFirst()
                    .orElse(newKey);
            match.add(i == 0 ? "" : ".and(")
                    .add(
                            "$T.field($T.name($L, $L))$W.eq($T.field($T.name($L, $L)))",
                            DSL,
                            DSL,
                            alias,
                            p.name(newKey),
                            DSL,
                            DSL,
                            p.name(c.table()),
                            p.name(oldKey));
            if (i > 0) {
                match.add(")");
            }
        }
        CodeBlock select = Layout.nestedChain(
                CodeBlock.of("$T.select($L)", DSL, values),
                CodeBlock.of(".from($T.table($L))", DSL, p.name(c.table())),
                CodeBlock.of(
                        ".whereNotExists($T.selectOne()$W.from($T.table($L).as($L))$W.where($L))",
                        DSL,
                        DSL,
                        p.name(c.newTable()),
                        alias,
                        match.build()));
        CodeBlock insert = Layout.chain(
                INDENT * 2,
                CodeBlock.of("ctx.dsl().insertInto($T.table($L))", DSL, p.name(c.newTable())),
                CodeBlock.of(".columns($L)", target),
                CodeBlock.of(".select($L)", select),
                CodeBlock.of(".execute()"));
        // On PostgreSQL RowCopy skips the rows already there by ON CONFLICT on the new table's key.
        CodeBlock conflictKey = c.key().stream()
                .map(k -> CodeBlock.of("$T.field($L)", DSL, p.name(k)))
                .collect(CodeBlock.joining(",$W"));
        CodeBlock postgres = Layout.chain(
                INDENT * 3,
                CodeBlock.of("ctx.dsl().insertInto($T.table($L))", DSL, p.name(c.newTable())),
                CodeBlock.of(".columns($L)", target),
                CodeBlock.of(".select($T.select($L)$W.from($T.table($L)))", DSL, values, DSL, p.name(c.table())),
                CodeBlock.of(".onConflict($L)", conflictKey),
                CodeBlock.of(".doNothing()"),
                CodeBlock.of(".execute()"));
        b.beginControlFlow("if (ctx.dialect() == $T.POSTGRES)", DIALECT)
                .addStatement("$L", postgres)
                .nextControlFlow("else")
                .addStatement("$L", insert)
                .endControlFlow();
    }
}
