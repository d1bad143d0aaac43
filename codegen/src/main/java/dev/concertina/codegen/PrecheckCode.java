package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.plan.RowCondition;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.List;

/**
 * Renders the pre-checks of existing rows ({@link Step.CheckExistingRows}) as one call each of
 * the runtime's {@code Precheck}, which counts the rows that break the rule and fails the
 * migration, before the tightening step, naming the rule and the count.
 */
final class PrecheckCode {

    static final ClassName PRECHECK = ClassName.get("dev.concertina.runtime.precheck", "Precheck");
    private static final ClassName LIST = ClassName.get(List.class);

    private final NamePolicy p;
    private final ExpressionCode expressions;

    PrecheckCode(NamePolicy policy, ExpressionCode expressions) {
        this.p = policy;
        this.expressions = expressions;
    }

    void check(Step.CheckExistingRows c, CodeBlock.Builder b) {
        CodeBlock t = p.name(c.table());
        RowCondition rc = c.condition();
        if (rc instanceof RowCondition.NotNull n) {
            b.addStatement("$T.noNulls(ctx, $L,$W$L)", PRECHECK, t, p.name(n.column()));
        } else if (rc instanceof RowCondition.FitsType f) {
            fits(t, f.column(), f.type(), c.describe(), b);
        } else if (rc instanceof RowCondition.Unique u) {
            b.addStatement("$T.unique(ctx, $L,$W$L)", PRECHECK, t, p.names(u.columns()));
        } else if (rc instanceof RowCondition.Satisfies s) {
            b.addStatement("$T.satisfies(ctx, $L,$W$L)", PRECHECK, t, Layout.string(s.expression()));
        } else if (rc instanceof RowCondition.ReferencesExist r) {
            referencesExist(t, r.foreignKey(), b);
        } else if (rc instanceof RowCondition.Converts v) {
            b.addStatement(
                    "$T.converts(ctx, $L, $L,$W$L)",
                    PRECHECK,
                    t,
                    p.name(v.column()),
                    expressions.field(v.conversion(), c.describe()));
        } else {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, c.describe() + ": no pre-check can be generated for " + rc.describe());
        }
    }

    private void referencesExist(CodeBlock table, ForeignKey fk, CodeBlock.Builder b) {
        if (fk.columns().size() == 1) {
            b.addStatement(
                    "$T.referencesExist(ctx, $L, $L,$W$L, $L)",
                    PRECHECK,
                    table,
                    p.name(fk.columns().get(0)),
                    p.name(fk.referencedTable()),
                    p.name(fk.referencedColumns().get(0)));
        } else {
            b.addStatement(
                    "$T.referencesExist(ctx, $L, $T.of($L),$W$L, $T.of($L))",
                    PRECHECK,
                    table,
                    LIST,
                    p.names(fk.columns()),
                    p.name(fk.referencedTable()),
                    LIST,
                    p.names(fk.referencedColumns()));
        }
    }

    /**
     * Lengths (characters, bytes), whole-number ranges, decimal digits (before the point, and
     * after it beyond the scale), timestamps (by casting back) and enumeration values can be tested portably;
     * for other types the database's own conversion decides, and the class says so.
     */
    private void fits(CodeBlock table, String column, ColumnType type, String where, CodeBlock.Builder b) {
        switch (type.kind()) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                if (type.length().isEmpty()) {
                    break;
                }
            // fall through: a length to test
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                b.addStatement(
                        "$T.fits(ctx, $L, $L,$W$L)", PRECHECK, table, p.name(column), TypeCode.type(type, where));
                return;
            case DECIMAL:
                if (type.precision().isEmpty()) {
                    break;
                }
                b.addStatement(
                        "$T.fits(ctx, $L, $L,$W$L)", PRECHECK, table, p.name(column), TypeCode.type(type, where));
                return;
            case TIMESTAMP:
                // Fewer fractional digits, or a zoned timestamp losing its zone: cast and compare back.
                b.addStatement(
                        "$T.keepsTime(ctx, $L, $L,$W$L)", PRECHECK, table, p.name(column), TypeCode.type(type, where));
                return;
            case ENUM: {
                CodeBlock values = type.enumValues().stream()
                        .map(v -> CodeBlock.of("$S", v))
                        .collect(CodeBlock.joining(",$W"));
                b.addStatement("$T.oneOf(ctx, $L, $L,$W$L)", PRECHECK, table, p.name(column), values);
                return;
            }
            default:
                break;
        }
        b.add(Layout.comment("no portable test for values that do not fit " + type.describe()
                + ": the database's own conversion decides"));
    }
}
