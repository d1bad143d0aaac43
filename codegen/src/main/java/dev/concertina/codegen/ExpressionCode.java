package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.plan.Expr;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a plan's row expressions ({@link Expr}): as jOOQ fields for statements the generated
 * class runs itself, or as runtime {@code Conversion}s for the helpers that run them in triggers
 * and backfills.
 */
final class ExpressionCode {

    static final ClassName CONVERSION = ClassName.get("dev.concertina.runtime.expand", "Conversion");
    private static final ClassName DSL = TypeCode.DSL;

    private final NamePolicy p;

    ExpressionCode(NamePolicy policy) {
        this.p = policy;
    }

    /**
     * A runtime {@code Conversion} for an expression over {@code source}: identity for the column
     * itself, a jOOQ cast, a hint's template with its placeholder written {@code {}}, or the user's
     * SQL with the column replaced by the {@code {}} placeholder.
     */
    CodeBlock conversion(Expr e, String source, Step step) {
        if (e instanceof Expr.ColumnRef r && r.column().equals(source)) {
            return CodeBlock.of("$T.identity()", CONVERSION);
        }
        if (e instanceof Expr.Cast c
                && c.value() instanceof Expr.ColumnRef r
                && r.column().equals(source)) {
            return CodeBlock.of("$T.cast($L)", CONVERSION, TypeCode.type(c.type(), step.describe()));
        }
        if (e instanceof Expr.Template t && t.column().equals(source)) {
            return CodeBlock.of("$T.sql($L)", CONVERSION, Layout.string(t.withPlaceholder("{}")));
        }
        if (e instanceof Expr.Sql s) {
            return CodeBlock.of("$T.sql($L)", CONVERSION, Layout.string(template(s.text(), source, step)));
        }
        throw new ConcertinaException(
                ErrorCode.CODEGEN,
                step.describe() + ": the expression " + e.describe() + " is not a conversion of \"" + source
                        + "\" the runtime can run; write this step by hand");
    }

    /** The user's SQL over {@code source} with every mention of the column replaced by {@code {}}. */
    static String template(String sql, String source, Step step) {
        Pattern mention = Pattern.compile(
                "(?<![A-Za-z0-9_$.\"`])(?:\"" + Pattern.quote(source) + "\"|`"
                        + Pattern.quote(source)
                        + "`|" + Pattern.quote(source) + ")(?![A-Za-z0-9_$\"`])",
                Pattern.CASE_INSENSITIVE);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        int last = 0;
        Matcher m = mention.matcher(sql);
        while (m.find()) {
            if (insideQuotes(sql, m.start())) {
                continue;
            }
            out.append(sql, last, m.start()).append("{}");
            last = m.end();
            found = true;
        }
        if (!found) {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN,
                    step.describe() + ": the expression '" + sql
                            + "' does not mention \""
                            + source + "\"; a conversion must compute the value from that column");
        }
        return out.append(sql.substring(last)).toString();
    }

    private static boolean insideQuotes(String sql, int at) {
        boolean in = false;
        for (int i = 0; i < at; i++) {
            if (sql.charAt(i) == '\'') {
                in = !in;
            }
        }
        return in;
    }

    /**
     * A jOOQ field for an expression of the row: a quoted column, a jOOQ cast, a hint's template as
     * jOOQ plain SQL with the quoted column in place of its placeholder, or the user's SQL as written.
     */
    CodeBlock field(Expr e, String where) {
        if (e instanceof Expr.ColumnRef r) {
            return CodeBlock.of("$T.field($L)", DSL, p.name(r.column()));
        }
        if (e instanceof Expr.Cast c) {
            return CodeBlock.of("$T.cast($L, $L)", DSL, field(c.value(), where), TypeCode.type(c.type(), where));
        }
        if (e instanceof Expr.Template t) {
            // jOOQ plain SQL: {0} becomes the column, quoted for the running database.
            return CodeBlock.of(
                    "$T.field($L,$W$T.field($L))",
                    DSL,
                    Layout.string(t.withPlaceholder("{0}")),
                    DSL,
                    p.name(t.column()));
        }
        String sql = ((Expr.Sql) e).text().trim();
        if (sql.length() >= 2
                && sql.startsWith("'")
                && sql.endsWith("'")
                && !sql.substring(1, sql.length() - 1).replace("''", "").contains("'")) {
            // A plain string literal: inlined by jOOQ in each dialect's spelling.
            return CodeBlock.of(
                    "$T.inline($L)",
                    DSL,
                    Layout.string(sql.substring(1, sql.length() - 1).replace("''", "'")));
        }
        return CodeBlock.of("$T.field($L)", DSL, Layout.string(sql));
    }

    /** The one column a runtime {@code Conversion} can read: a column, a cast of one, or a hint's template. */
    static Optional<String> sourceColumn(Expr e) {
        if (e instanceof Expr.ColumnRef
                || e instanceof Expr.Template
                || e instanceof Expr.Cast c && c.value() instanceof Expr.ColumnRef) {
            return e.source();
        }
        return Optional.empty();
    }

    /** True when {@code e} is {@code column} itself, unconverted. */
    static boolean identity(Expr e, String column) {
        return e instanceof Expr.ColumnRef r && r.column().equals(column);
    }
}
