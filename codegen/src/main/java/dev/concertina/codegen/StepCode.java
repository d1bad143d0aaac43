package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.engine.plan.Expr;
import dev.concertina.engine.plan.RowCondition;
import dev.concertina.engine.plan.Step;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.SchemaNames;
import dev.concertina.runtime.OwnObjects;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders plan steps as statements of a generated method body. Schema changes become jOOQ DSL
 * calls on {@code ctx.dsl()}; triggers, guards and backfills become calls of the runtime helpers;
 * pre-checks become counting queries. Every name goes through the {@link NamePolicy}.
 */
final class StepCode {

    static final ClassName SYNC_TRIGGERS = ClassName.get("dev.concertina.runtime.expand", "SyncTriggers");
    static final ClassName WRITE_GUARD = ClassName.get("dev.concertina.runtime.expand", "WriteGuard");
    static final ClassName BACKFILL = ClassName.get("dev.concertina.runtime.expand", "Backfill");
    static final ClassName BACKFILL_OPTIONS = ClassName.get("dev.concertina.runtime.expand", "BackfillOptions");
    static final ClassName CONVERSION = ClassName.get("dev.concertina.runtime.expand", "Conversion");
    static final ClassName TABLE_SYNC = ClassName.get("dev.concertina.runtime.expand", "TableSync");
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName DSL = TypeCode.DSL;

    /** What the generated class needs besides its body. */
    enum Helper { REQUIRE_NONE, REQUIRE_CONVERTS }

    private final NamePolicy p;
    private final boolean sqlView;
    private final EnumSet<Helper> helpers = EnumSet.noneOf(Helper.class);

    StepCode(NamePolicy policy) {
        this(policy, false);
    }

    /**
     * @param sqlView for {@link PlanSql}: steps done by runtime helpers or reading rows are
     *                reported with {@code ctx.progress("-- …")} instead of being run
     */
    StepCode(NamePolicy policy, boolean sqlView) {
        this.p = policy;
        this.sqlView = sqlView;
    }

    EnumSet<Helper> helpers() {
        return helpers;
    }

    /** The statements of one step, preceded by a comment saying what it does. */
    CodeBlock step(Step step) {
        CodeBlock.Builder b = CodeBlock.builder();
        b.add("// $L\n", Javadocs.comment(step.describe()));
        if (step instanceof Step.Ddl d) {
            ddl(d.change(), b);
        } else if (sqlView && !(step instanceof Step.ConvertColumn) && !(step instanceof Step.CopyRows)) {
            b.addStatement("ctx.progress($S)", "-- " + kind(step) + ": " + Javadocs.oneLine(step.describe()));
        } else if (step instanceof Step.InstallSync s) {
            b.addStatement("$T.install(ctx, $L, $L, $L, $L, $L)", SYNC_TRIGGERS,
                    p.text(s.table()), p.text(s.oldColumn()), p.text(s.newColumn()),
                    conversion(s.up(), s.oldColumn(), s), conversion(s.down(), s.newColumn(), s));
        } else if (step instanceof Step.DropSync s) {
            b.addStatement("$T.drop(ctx, $L, $L, $L)", SYNC_TRIGGERS,
                    p.text(s.table()), p.text(s.oldColumn()), p.text(s.newColumn()));
        } else if (step instanceof Step.InstallGuard g) {
            b.addStatement("$T.install(ctx, $L, $S)", WRITE_GUARD, p.text(g.table()), guardMessage(g.message()));
        } else if (step instanceof Step.DropGuard g) {
            b.addStatement("$T.drop(ctx, $L)", WRITE_GUARD, p.text(g.table()));
        } else if (step instanceof Step.Backfill f) {
            backfill(f, b);
        } else if (step instanceof Step.CheckExistingRows c) {
            check(c, b);
        } else if (step instanceof Step.ConvertColumn c) {
            convert(c, b);
        } else if (step instanceof Step.CopyRows c) {
            copyRows(c, b);
        } else if (step instanceof Step.InstallTableSync s) {
            b.addStatement("$T.install(ctx, $L, $L, $L, $T.of($L))", TABLE_SYNC, p.text(s.table()), p.text(s.newTable()),
                    tableSyncColumns(s), LIST, s.key().stream().map(p::text).collect(CodeBlock.joining(", ")));
        } else if (step instanceof Step.DropTableSync s) {
            b.addStatement("$T.drop(ctx, $L, $L)", TABLE_SYNC, p.text(s.table()), p.text(s.newTable()));
        } else {
            throw new ConcertinaException(ErrorCode.CODEGEN, step.describe() + ": step kind '" + step.kind()
                    + "' has no runtime helper to generate a call for yet");
        }
        return b.build();
    }

    /** MariaDB/MySQL's SIGNAL keeps 128 characters of a message; the planner makes every guard message fit. */
    static final int GUARD_MESSAGE_MAX = Step.InstallGuard.MAX_MESSAGE;

    /** The message as one line; one that does not fit fails here rather than being cut short in the database. */
    static String guardMessage(String message) {
        String m = Javadocs.oneLine(message);
        if (m.length() > GUARD_MESSAGE_MAX) {
            throw new ConcertinaException(ErrorCode.CODEGEN, "write guard message longer than " + GUARD_MESSAGE_MAX + " characters: " + m);
        }
        return m;
    }

    /** Who does a step that is not plain DDL, for the SQL view. */
    private static String kind(Step step) {
        if (step instanceof Step.CheckExistingRows) {
            return "pre-check (reads rows)";
        }
        if (step instanceof Step.Backfill) {
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

    // ------------------------------------------------------------------ DDL

    private CodeBlock table(String t) {
        return p.name(t);
    }

    private void ddl(Change change, CodeBlock.Builder b) {
        if (change instanceof Change.AddTable a) {
            addTable(a.definition(), b);
        } else if (change instanceof Change.DropTable d) {
            b.addStatement("ctx.dsl().dropTable($L).execute()", table(d.table()));
        } else if (change instanceof Change.RenameTable r) {
            b.addStatement("ctx.dsl().alterTable($L).renameTo($L).execute()", table(r.from().name()), table(r.to().name()));
        } else if (change instanceof Change.AlterTableComment c) {
            b.addStatement("ctx.dsl().commentOnTable($L).is($S).execute()", table(c.table()), c.to().orElse(""));
        } else if (change instanceof Change.AddColumn a) {
            b.addStatement("ctx.dsl().alterTable($L).addColumn($L, $L).execute()", table(a.table()), p.name(a.column().name()),
                    TypeCode.column(a.column(), where(a.table(), a.column().name())));
            TypeCode.afterColumn(a.column(), table(a.table()), p.name(a.column().name())).ifPresent(x -> b.addStatement("$L", x));
            a.column().comment().ifPresent(text -> b.addStatement("ctx.dsl().commentOnColumn($T.name($L, $L)).is($S).execute()",
                    DSL, table(a.table()), p.name(a.column().name()), text));
        } else if (change instanceof Change.DropColumn d) {
            b.addStatement("ctx.dsl().alterTable($L).dropColumn($L).execute()", table(d.table()), p.name(d.column().name()));
        } else if (change instanceof Change.AlterColumn a) {
            alterColumn(a, b);
        } else if (change instanceof Change.RenameColumn r) {
            b.addStatement("ctx.dsl().alterTable($L).renameColumn($L).to($L).execute()", table(r.table()),
                    p.name(r.from().name()), p.name(r.to().name()));
        } else if (change instanceof Change.AlterPrimaryKey k) {
            if (k.from().isPresent()) {
                b.addStatement("$L.dropPrimaryKey($L)", p.names(), table(k.table()));
            }
            k.to().ifPresent(pk -> b.addStatement("ctx.dsl().alterTable($L).add($L).execute()", table(k.table()), primaryKey(pk)));
        } else if (change instanceof Change.AddIndex a) {
            Index i = a.index();
            b.addStatement("ctx.dsl().$L($L).on($L, $L).execute()", i.unique() ? "createUniqueIndex" : "createIndex",
                    p.name(indexName(a.table(), i)), table(a.table()), p.names(i.columns()));
        } else if (change instanceof Change.DropIndex d) {
            b.addStatement("ctx.dsl().dropIndex($L).on($L).execute()", p.name(indexName(d.table(), d.index())), table(d.table()));
        } else if (change instanceof Change.AddUnique a) {
            b.addStatement("ctx.dsl().alterTable($L).add($L).execute()", table(a.table()), unique(a.unique()));
        } else if (change instanceof Change.DropUnique d) {
            if (d.unique().name().isEmpty() && sqlView) {
                b.addStatement("ctx.progress($S)", "-- " + Javadocs.oneLine(d.describe()) + " (its name is looked up when the migration runs)");
            } else {
                b.addStatement("ctx.dsl().alterTable($L).dropUnique($L).execute()", table(d.table()), d.unique().name().isEmpty()
                        ? CodeBlock.of("$L.uniqueKey($L, $L)", p.names(), table(d.table()), p.names(d.unique().columns()))
                        : p.name(d.unique().name()));
            }
        } else if (change instanceof Change.AddForeignKey a) {
            b.addStatement("ctx.dsl().alterTable($L).add($L).execute()", table(a.table()), foreignKey(a.foreignKey()));
        } else if (change instanceof Change.DropForeignKey d) {
            if (d.foreignKey().name().isEmpty() && sqlView) {
                b.addStatement("ctx.progress($S)", "-- " + Javadocs.oneLine(d.describe()) + " (its name is looked up when the migration runs)");
            } else {
                b.addStatement("$L.dropForeignKey($L, $L)", p.names(), table(d.table()), d.foreignKey().name().isEmpty()
                        ? CodeBlock.of("$L.foreignKey($L, $L)", p.names(), table(d.table()), p.names(d.foreignKey().columns()))
                        : p.name(d.foreignKey().name()));
            }
        } else if (change instanceof Change.AddCheck a) {
            b.addStatement("ctx.dsl().alterTable($L).add($L).execute()", table(a.table()), check(a.check()));
        } else if (change instanceof Change.DropCheck d) {
            b.addStatement("ctx.dsl().alterTable($L).dropConstraint($L).execute()", table(d.table()),
                    p.name(named(d.check().name(), "check (" + d.check().expression() + ")", d.table(), List.of())));
        } else if (change instanceof Change.AddSequence a) {
            b.addStatement("ctx.dsl().createSequence($L).startWith($LL).incrementBy($LL).execute()", p.name(a.sequence().name()),
                    a.sequence().start(), a.sequence().increment());
        } else if (change instanceof Change.DropSequence d) {
            b.addStatement("ctx.dsl().dropSequence($L).execute()", p.name(d.sequence().name()));
        } else if (change instanceof Change.AlterSequence a) {
            if (a.from().start() != a.to().start()) {
                b.addStatement("ctx.dsl().alterSequence($L).startWith($LL).execute()", p.name(a.to().name()), a.to().start());
            }
            if (a.from().increment() != a.to().increment()) {
                b.addStatement("ctx.dsl().alterSequence($L).incrementBy($LL).execute()", p.name(a.to().name()), a.to().increment());
            }
        } else {
            throw new ConcertinaException(ErrorCode.CODEGEN, change.describe() + ": change kind '" + change.kind() + "' cannot be generated");
        }
    }

    private void addTable(Table t, CodeBlock.Builder b) {
        CodeBlock.Builder s = CodeBlock.builder().add("ctx.dsl().createTable($L)", table(t.name()));
        for (Column c : t.columns()) {
            s.add("\n.column($L, $L)", p.name(c.name()), TypeCode.column(c, where(t.name(), c.name())));
        }
        List<CodeBlock> constraints = new ArrayList<>();
        t.primaryKey().ifPresent(pk -> constraints.add(primaryKey(pk)));
        t.uniques().forEach(u -> constraints.add(unique(u)));
        t.checks().forEach(c -> constraints.add(check(c)));
        if (!constraints.isEmpty()) {
            s.add("\n.constraints(").indent();
            for (int i = 0; i < constraints.size(); i++) {
                s.add("\n$L$L", constraints.get(i), i == constraints.size() - 1 ? "" : ",");
            }
            s.add(")").unindent();
        }
        s.add("\n.execute()");
        b.addStatement("$L", s.build());
        t.columns().forEach(c -> TypeCode.afterColumn(c, table(t.name()), p.name(c.name())).ifPresent(x -> b.addStatement("$L", x)));
        for (Index i : t.indexes()) {
            b.addStatement("ctx.dsl().$L($L).on($L, $L).execute()", i.unique() ? "createUniqueIndex" : "createIndex",
                    p.name(indexName(t.name(), i)), table(t.name()), p.names(i.columns()));
        }
        t.comment().ifPresent(text -> b.addStatement("ctx.dsl().commentOnTable($L).is($S).execute()", table(t.name()), text));
        for (Column c : t.columns()) {
            c.comment().ifPresent(text -> b.addStatement("ctx.dsl().commentOnColumn($T.name($L, $L)).is($S).execute()",
                    DSL, table(t.name()), p.name(c.name()), text));
        }
    }

    /** One statement per aspect, in the planner's aspect order; MariaDB's needs are met by {@code SchemaNames}. */
    private void alterColumn(Change.AlterColumn a, CodeBlock.Builder b) {
        String where = where(a.table(), a.to().name());
        CodeBlock t = table(a.table());
        CodeBlock c = p.name(a.to().name());
        for (ColumnAspect aspect : a.orderedAspects()) {
            switch (aspect) {
                case TYPE:
                    if (TypeCode.isEnumValuesChange(a.from().type(), a.to().type())) {
                        b.addStatement("$L", TypeCode.changeEnumValues(a.to(), t, c, where));
                        break;
                    }
                    b.addStatement("$L.changeType($L, $L, $L)", p.names(), t, c, TypeCode.column(a.to(), where));
                    break;
                case NULLABLE:
                    b.addStatement("$L.changeNullability($L, $L, $L)", p.names(), t, c, TypeCode.column(a.to(), where));
                    break;
                case DEFAULT:
                    if (a.to().defaultValue().isPresent()) {
                        CodeBlock type = TypeCode.type(a.to().type(), where);
                        b.addStatement("ctx.dsl().alterTable($L).alterColumn($L).setDefault($L).execute()", t, c,
                                TypeCode.defaultValue(a.to().defaultValue().get(), a.to().type(), type));
                    } else {
                        b.addStatement("ctx.dsl().alterTable($L).alterColumn($L).dropDefault().execute()", t, c);
                    }
                    break;
                case COMMENT:
                    b.addStatement("ctx.dsl().commentOnColumn($T.name($L, $L)).is($S).execute()", DSL, t, c, a.to().comment().orElse(""));
                    break;
                default:
                    throw new ConcertinaException(ErrorCode.CODEGEN, "alter column " + where + ": changing whether a column is an "
                            + "identity column has no portable jOOQ statement; write this step by hand in a revision of its own");
            }
        }
    }

    private CodeBlock primaryKey(PrimaryKey pk) {
        return pk.name().isEmpty()
                ? CodeBlock.of("$T.primaryKey($L)", DSL, p.names(pk.columns()))
                : CodeBlock.of("$T.constraint($L).primaryKey($L)", DSL, p.name(pk.name()), p.names(pk.columns()));
    }

    private CodeBlock unique(UniqueConstraint u) {
        return u.name().isEmpty()
                ? CodeBlock.of("$T.unique($L)", DSL, p.names(u.columns()))
                : CodeBlock.of("$T.constraint($L).unique($L)", DSL, p.name(u.name()), p.names(u.columns()));
    }

    private CodeBlock check(CheckConstraint c) {
        CodeBlock condition = CodeBlock.of("$T.condition($S)", DSL, c.expression());
        return c.name().isEmpty()
                ? CodeBlock.of("$T.check($L)", DSL, condition)
                : CodeBlock.of("$T.constraint($L).check($L)", DSL, p.name(c.name()), condition);
    }

    private CodeBlock foreignKey(ForeignKey fk) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (fk.name().isEmpty()) {
            b.add("$T.foreignKey($L)", DSL, p.names(fk.columns()));
        } else {
            b.add("$T.constraint($L).foreignKey($L)", DSL, p.name(fk.name()), p.names(fk.columns()));
        }
        b.add(".references($L, $L)", p.name(fk.referencedTable()), p.names(fk.referencedColumns()));
        b.add(action("onDelete", fk.onDelete()));
        b.add(action("onUpdate", fk.onUpdate()));
        return b.build();
    }

    private static CodeBlock action(String prefix, ReferentialAction a) {
        switch (a) {
            case RESTRICT: return CodeBlock.of(".$LRestrict()", prefix);
            case CASCADE: return CodeBlock.of(".$LCascade()", prefix);
            case SET_NULL: return CodeBlock.of(".$LSetNull()", prefix);
            case SET_DEFAULT: return CodeBlock.of(".$LSetDefault()", prefix);
            default: return CodeBlock.of("");
        }
    }

    /**
     * The name of an index; an index the model holds without a name (system-named) gets a
     * deterministic one, {@code ix_<table>_<columns>} (shortened to fit every database), so that it
     * can be created and dropped again.
     */
    static String indexName(String table, Index i) {
        if (!i.name().isEmpty()) {
            return i.name();
        }
        return SchemaNames.fitEverywhere("ix_" + table + "_" + String.join("_", i.columns()));
    }

    /** A constraint's name, or a clear refusal when only the database knows it. */
    private static String named(String name, String what, String table, List<String> columns) {
        if (!name.isEmpty()) {
            return name;
        }
        throw new ConcertinaException(ErrorCode.CODEGEN, "drop " + what + " on \"" + table + "\"" + (columns.isEmpty() ? "" : " " + columns)
                + ": the database named it, so the name differs per database and cannot be written into the migration;"
                + " name the constraint in the model, or drop it in a hand-written revision");
    }

    // ------------------------------------------------------------------ runtime helpers

    /**
     * A runtime {@code Conversion} for an expression over {@code source}: identity for the column
     * itself, a jOOQ cast, a hint's template with its placeholder written {@code {}}, or the user's
     * SQL with the column replaced by the {@code {}} placeholder.
     */
    private CodeBlock conversion(Expr e, String source, Step step) {
        if (e instanceof Expr.ColumnRef r && r.column().equals(source)) {
            return CodeBlock.of("$T.identity()", CONVERSION);
        }
        if (e instanceof Expr.Cast c && c.value() instanceof Expr.ColumnRef r && r.column().equals(source)) {
            return CodeBlock.of("$T.cast($L)", CONVERSION, TypeCode.type(c.type(), step.describe()));
        }
        if (e instanceof Expr.Template t && t.column().equals(source)) {
            return CodeBlock.of("$T.sql($S)", CONVERSION, t.withPlaceholder("{}"));
        }
        if (e instanceof Expr.Sql s) {
            return CodeBlock.of("$T.sql($S)", CONVERSION, template(s.text(), source, step));
        }
        throw new ConcertinaException(ErrorCode.CODEGEN, step.describe() + ": the expression " + e.describe()
                + " is not a conversion of \"" + source + "\" the runtime can run; write this step by hand");
    }

    /** The user's SQL over {@code source} with every mention of the column replaced by {@code {}}. */
    static String template(String sql, String source, Step step) {
        Pattern mention = Pattern.compile("(?<![A-Za-z0-9_$.\"`])(?:\"" + Pattern.quote(source) + "\"|`" + Pattern.quote(source)
                + "`|" + Pattern.quote(source) + ")(?![A-Za-z0-9_$\"`])", Pattern.CASE_INSENSITIVE);
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
            throw new ConcertinaException(ErrorCode.CODEGEN, step.describe() + ": the expression '" + sql + "' does not mention \""
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
    private CodeBlock field(Expr e, String where) {
        if (e instanceof Expr.ColumnRef r) {
            return CodeBlock.of("$T.field($L)", DSL, p.name(r.column()));
        }
        if (e instanceof Expr.Cast c) {
            return CodeBlock.of("$T.cast($L, $L)", DSL, field(c.value(), where), TypeCode.type(c.type(), where));
        }
        if (e instanceof Expr.Template t) {
            // jOOQ plain SQL: {0} becomes the column, quoted for the running database.
            return CodeBlock.of("$T.field($S, $T.field($L))", DSL, t.withPlaceholder("{0}"), DSL, p.name(t.column()));
        }
        String sql = ((Expr.Sql) e).text().trim();
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'") && !sql.substring(1, sql.length() - 1).replace("''", "").contains("'")) {
            // A plain string literal: inlined by jOOQ in each dialect's spelling.
            return CodeBlock.of("$T.inline($S)", DSL, sql.substring(1, sql.length() - 1).replace("''", "'"));
        }
        return CodeBlock.of("$T.field($S)", DSL, sql);
    }

    private void backfill(Step.Backfill f, CodeBlock.Builder b) {
        Optional<String> source = sourceColumn(f.expression());
        if (source.isPresent()) {
            b.addStatement("$T.run(ctx, $L, $L, $L, $L, $T.defaults())", BACKFILL,
                    p.text(f.table()), p.text(source.get()), p.text(f.column()), conversion(f.expression(), source.get(), f), BACKFILL_OPTIONS);
        } else {
            b.addStatement("$T.run(ctx, $L, $L, $L, $T.defaults())", BACKFILL,
                    p.text(f.table()), p.text(f.column()), field(f.expression(), f.describe()), BACKFILL_OPTIONS);
        }
    }

    /** The one column a runtime {@code Conversion} can read: a column, a cast of one, or a hint's template. */
    private static Optional<String> sourceColumn(Expr e) {
        if (e instanceof Expr.ColumnRef || e instanceof Expr.Template
                || e instanceof Expr.Cast c && c.value() instanceof Expr.ColumnRef) {
            return e.source();
        }
        return Optional.empty();
    }

    private void check(Step.CheckExistingRows c, CodeBlock.Builder b) {
        CodeBlock t = CodeBlock.of("$T.table($L)", DSL, table(c.table()));
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
            helpers.add(Helper.REQUIRE_CONVERTS);
            b.addStatement("requireConverts(() -> ctx.dsl().select($T.count($L)).from($L).execute(), $S)", DSL,
                    field(v.conversion(), where), t, c.message());
        } else {
            throw new ConcertinaException(ErrorCode.CODEGEN, where + ": no pre-check can be generated for " + rc.describe());
        }
    }

    private void require(CodeBlock.Builder b, CodeBlock count, String message) {
        helpers.add(Helper.REQUIRE_NONE);
        b.addStatement("requireNone($L, $S)", count, message);
    }

    /** Rows with every key column set and no matching row in the referenced table (aliased, for self references). */
    private CodeBlock referencesMissing(String table, ForeignKey fk) {
        CodeBlock alias = CodeBlock.of("$T.quotedName($S)", DSL, "concertina_ref");
        CodeBlock.Builder match = CodeBlock.builder();
        for (int i = 0; i < fk.columns().size(); i++) {
            match.add(i == 0 ? "" : ".and(").add("$T.field($T.name($L, $L)).eq($T.field($T.name($L, $L)))", DSL, DSL, alias,
                    p.name(fk.referencedColumns().get(i)), DSL, DSL, table(table), p.name(fk.columns().get(i)));
            if (i > 0) {
                match.add(")");
            }
        }
        CodeBlock set = fk.columns().stream().map(col -> CodeBlock.of("$T.field($T.name($L, $L)).isNotNull()", DSL, DSL, table(table), p.name(col)))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("ctx.dsl().fetchCount($T.table($L), $T.and($L).and($T.notExists($T.selectOne().from($T.table($L).as($L)).where($L))))",
                DSL, table(table), DSL, set, DSL, DSL, DSL, p.name(fk.referencedTable()), alias, match.build());
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
                    return Optional.of(CodeBlock.of("$T.abs($T.field($L, $T.DECIMAL)).ge(new $T($S))", DSL, DSL, name,
                            TypeCode.SQL_DATA_TYPE, BigDecimal.class, limit));
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

    /**
     * Converts a column in place, portably: a new column of the target type is filled from the
     * old one with the conversion, the old column dropped and the new one renamed. PostgreSQL's
     * {@code ALTER … TYPE … USING} has no jOOQ spelling, and MariaDB and H2 would apply their own
     * implicit cast instead of the planned conversion. Indexes and constraints on the old column
     * go with it (the planner re-adds those the model has).
     */
    private void convert(Step.ConvertColumn c, CodeBlock.Builder b) {
        String where = where(c.table(), c.to().name());
        CodeBlock t = table(c.table());
        CodeBlock col = p.name(c.to().name());
        String tempName = temporary(c.to().name());
        CodeBlock temp = p.name(tempName);
        Column tempColumn = c.to().withName(tempName).withNullable(true).withIdentity(false);
        b.addStatement("ctx.dsl().alterTable($L).addColumn($L, $L).execute()", t, temp, TypeCode.column(tempColumn, where));
        CodeBlock type = TypeCode.type(c.to().type(), where);
        b.addStatement("ctx.dsl().update($T.table($L)).set($T.field($L, $L), $L.coerce($L)).execute()", DSL, t, DSL, temp, type,
                field(c.using(), where), type);
        b.addStatement("ctx.dsl().alterTable($L).dropColumn($L).execute()", t, col);
        b.addStatement("ctx.dsl().alterTable($L).renameColumn($L).to($L).execute()", t, temp, col);
        if (!c.to().nullable()) {
            b.addStatement("$L.changeNullability($L, $L, $L)", p.names(), t, col, TypeCode.column(c.to(), where));
        }
    }

    /** The temporary column of a conversion: Concertina's prefix, folding like the column it replaces. */
    private String temporary(String column) {
        String name = OwnObjects.PREFIX + "new_" + p.logical(column);
        String stored = p.isFolding(column) ? p.source().foldUnquoted(name) : name;
        int max = 63;
        return stored.length() <= max ? stored : stored.substring(0, max);
    }

    /** Copies rows missing from the new table, matched on the key, in one statement. */
    private void copyRows(Step.CopyRows c, CodeBlock.Builder b) {
        CodeBlock target = c.columns().stream().map(m -> CodeBlock.of("$T.field($L)", DSL, p.name(m.newColumn()))).collect(CodeBlock.joining(", "));
        CodeBlock values = c.columns().stream().map(m -> field(m.up(), c.describe())).collect(CodeBlock.joining(", "));
        CodeBlock alias = CodeBlock.of("$T.quotedName($S)", DSL, "concertina_new");
        CodeBlock.Builder match = CodeBlock.builder();
        for (int i = 0; i < c.key().size(); i++) {
            String newKey = c.key().get(i);
            String oldKey = c.columns().stream().filter(m -> m.newColumn().equals(newKey)).map(Step.ColumnMapping::oldColumn)
                    .findFirst().orElse(newKey);
            match.add(i == 0 ? "" : ".and(").add("$T.field($T.name($L, $L)).eq($T.field($T.name($L, $L)))", DSL, DSL, alias,
                    p.name(newKey), DSL, DSL, table(c.table()), p.name(oldKey));
            if (i > 0) {
                match.add(")");
            }
        }
        CodeBlock insert = CodeBlock.of("ctx.dsl().insertInto($T.table($L)).columns($L).select($T.select($L).from($T.table($L)).whereNotExists("
                        + "$T.selectOne().from($T.table($L).as($L)).where($L))).execute()",
                DSL, table(c.newTable()), target, DSL, values, DSL, table(c.table()), DSL, DSL, p.name(c.newTable()), alias, match.build());
        if (sqlView) {
            b.addStatement("$L", insert);
        } else {
            // The copied rows must not be written back to the old table by the table sync.
            b.addStatement("$T.withoutSync(ctx, () -> $L)", TABLE_SYNC, insert);
        }
    }

    /** The {@code TableSync.column(…)} list of a table sync: one per mapped column, with its conversions. */
    private CodeBlock tableSyncColumns(Step.InstallTableSync s) {
        CodeBlock columns = s.columns().stream().map(m -> m.oldColumn().equals(m.newColumn()) && identity(m.up(), m.oldColumn())
                        && identity(m.down(), m.newColumn())
                ? CodeBlock.of("\n$T.column($L)", TABLE_SYNC, p.text(m.oldColumn()))
                : CodeBlock.of("\n$T.column($L, $L, $L, $L)", TABLE_SYNC, p.text(m.oldColumn()), p.text(m.newColumn()),
                        conversion(m.up(), m.oldColumn(), s), conversion(m.down(), m.newColumn(), s)))
                .collect(CodeBlock.joining(","));
        return CodeBlock.of("$T.of($L)", LIST, columns);
    }

    private static boolean identity(Expr e, String column) {
        return e instanceof Expr.ColumnRef r && r.column().equals(column);
    }

    static String where(String table, String column) {
        return "\"" + table + "\".\"" + column + "\"";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isText(TypeKind k) {
        return k == TypeKind.CHAR || k == TypeKind.VARCHAR || k == TypeKind.CLOB;
    }
}
