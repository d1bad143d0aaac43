package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.plan.RowCondition;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Renders the pre-checks of existing rows ({@link Step.CheckExistingRows}) as counting queries
 * that fail the migration, before a tightening step, when some row breaks the rule.
 */
final class PrecheckCode {

    private static final ClassName DSL = TypeCode.DSL;

    private final NamePolicy p;
    private final ExpressionCode expressions;
    private final EnumSet<StepCode.Helper> helpers;

    PrecheckCode(NamePolicy policy, ExpressionCode expressions, EnumSet<StepCode.Helper> helpers) {
        this.p = policy;
        this.expressions = expressions;
        this.helpers = helpers;
    }

    void check(Step.CheckExistingRows c, CodeBlock.Builder b) {
        CodeBlock t = CodeBlock.of("$T.table($L)", DSL, p.name(c.table()));
        RowCondition rc = c.condition();
        String where = c.describe();
        if (rc instanceof RowCondition.NotNull n) {
            require(b, CodeBlock.of("ctx.dsl().fetchCount($L, $T.field($L).isNull())", t, DSL, p.name(n.column())), c.message());
        } else if (rc instanceof RowCondition.FitsType f) {
            Optional<CodeBlock> misfit = misfit(f.column(), f.type());
            if (misfit.isPresent()) {
                require(b, CodeBlock.of("ctx.dsl().fetchCount($L, $L)", t, misfit.get()), c.message());
            } else {
                b.add("// no portable test for values that do not fit $L: the database's own conversion decides\n",
                        Javadocs.comment(f.type().describe()));
            }
        } else if (rc instanceof RowCondition.Unique u) {
            CodeBlock fields = u.columns().stream().map(col -> CodeBlock.of("$T.field($L)", DSL, p.name(col))).collect(CodeBlock.joining(", "));
            CodeBlock notNull = u.columns().stream().map(col -> CodeBlock.of("$T.field($L).isNotNull()", DSL, p.name(col)))
                    .collect(CodeBlock.joining(", "));
            require(b, CodeBlock.of("ctx.dsl().fetchCount($T.select($L).from($L).where($L).groupBy($L).having($T.count().gt(1)))",
                    DSL, fields, t, notNull, fields, DSL), c.message());
        } else if (rc instanceof RowCondition.Satisfies s) {
            require(b, CodeBlock.of("ctx.dsl().fetchCount($L, $T.not($T.condition($S)))", t, DSL, DSL, s.expression()), c.message());
        } else if (rc instanceof RowCondition.ReferencesExist r) {
            require(b, referencesMissing(c.table(), r.foreignKey()), c.message());
        } else if (rc instanceof RowCondition.Converts v) {
            helpers.add(StepCode.Helper.REQUIRE_CONVERTS);
            b.addStatement("requireConverts(() -> ctx.dsl().select($T.count($L)).from($L).execute(), $S)", DSL,
                    expressions.field(v.conversion(), where), t, c.message());
        } else {
            throw new ConcertinaException(ErrorCode.CODEGEN, where + ": no pre-check can be generated for " + rc.describe());
        }
    }

    private void require(CodeBlock.Builder b, CodeBlock count, String message) {
        helpers.add(StepCode.Helper.REQUIRE_NONE);
        b.addStatement("requireNone($L, $S)", count, message);
    }

    /** Rows with every key column set and no matching row in the referenced table (aliased, for self references). */
    private CodeBlock referencesMissing(String table, ForeignKey fk) {
        CodeBlock alias = CodeBlock.of("$T.quotedName($S)", DSL, "concertina_ref");
        CodeBlock.Builder match = CodeBlock.builder();
        for (int i = 0; i < fk.columns().size(); i++) {
            match.add(i == 0 ? "" : ".and(").add("$T.field($T.name($L, $L)).eq($T.field($T.name($L, $L)))", DSL, DSL, alias,
                    p.name(fk.referencedColumns().get(i)), DSL, DSL, p.name(table), p.name(fk.columns().get(i)));
            if (i > 0) {
                match.add(")");
            }
        }
        CodeBlock set = fk.columns().stream().map(col -> CodeBlock.of("$T.field($T.name($L, $L)).isNotNull()", DSL, DSL, p.name(table), p.name(col)))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("ctx.dsl().fetchCount($T.table($L), $T.and($L).and($T.notExists($T.selectOne().from($T.table($L).as($L)).where($L))))",
                DSL, p.name(table), DSL, set, DSL, DSL, DSL, p.name(fk.referencedTable()), alias, match.build());
    }

    /** A condition true for the values of {@code column} that do not fit {@code type} unchanged, where SQL can say so portably. */
    private Optional<CodeBlock> misfit(String column, ColumnType type) {
        CodeBlock name = p.name(column);
        switch (type.kind()) {
            case CHAR: case VARCHAR:
                if (type.length().isPresent()) {
                    return Optional.of(CodeBlock.of("$T.charLength($T.field($L, $T.VARCHAR)).gt($L)", DSL, DSL, name,
                            TypeCode.SQL_DATA_TYPE, type.length().getAsInt()));
                }
                return Optional.empty();
            case TINYINT: return Optional.of(range(name, "-128", "127"));
            case SMALLINT: return Optional.of(range(name, "-32768", "32767"));
            case INTEGER: return Optional.of(range(name, "-2147483648", "2147483647"));
            case BIGINT: return Optional.of(range(name, "-9223372036854775808", "9223372036854775807"));
            case DECIMAL:
                if (type.precision().isPresent()) {
                    int digits = type.precision().getAsInt() - type.scale().orElse(0);
                    String limit = BigDecimal.TEN.pow(digits).toPlainString();
                    // Too many integer digits, or more decimals than the scale keeps (they would be rounded away).
                    return Optional.of(CodeBlock.of("$T.abs($T.field($L, $T.DECIMAL)).ge(new $T($S))"
                                    + ".or($T.field($L, $T.DECIMAL).ne($T.round($T.field($L, $T.DECIMAL), $L)))",
                            DSL, DSL, name, TypeCode.SQL_DATA_TYPE, BigDecimal.class, limit,
                            DSL, name, TypeCode.SQL_DATA_TYPE, DSL, DSL, name, TypeCode.SQL_DATA_TYPE, type.scale().orElse(0)));
                }
                return Optional.empty();
            case BINARY: case VARBINARY:
                if (type.length().isPresent()) {
                    return Optional.of(CodeBlock.of("$T.octetLength($T.field($L, $T.VARBINARY)).gt($L)", DSL, DSL, name,
                            TypeCode.SQL_DATA_TYPE, type.length().getAsInt()));
                }
                return Optional.empty();
            case ENUM: return Optional.of(TypeCode.outsideEnum(name, type));
            default:
                return Optional.empty();
        }
    }

    private static CodeBlock range(CodeBlock name, String min, String max) {
        return CodeBlock.of("$T.field($L, $T.DECIMAL).notBetween(new $T($S), new $T($S))", DSL, name, TypeCode.SQL_DATA_TYPE,
                BigDecimal.class, min, BigDecimal.class, max);
    }
}
