package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.Index;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.SchemaNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a schema change ({@link Change}) as jOOQ DDL on {@code ctx.dsl()}, or as a call of
 * {@code SchemaNames} where the statement's shape depends on the running database. Constraints
 * and indexes each have their own method, used both for a table's creation and for a change.
 */
final class DdlCode {

    private static final ClassName DSL = TypeCode.DSL;

    private final NamePolicy p;
    private final boolean sqlView;
    private final OnlineDdlCode online;

    DdlCode(NamePolicy policy, boolean sqlView) {
        this.p = policy;
        this.sqlView = sqlView;
        this.online = new OnlineDdlCode(policy);
    }

    /** How an error names a column: {@code "person"."email"}. */
    static String where(String table, String column) {
        return "\"" + table + "\".\"" + column + "\"";
    }

    private CodeBlock table(String t) {
        return p.name(t);
    }

    void ddl(Change change, CodeBlock.Builder b) {
        if (change instanceof Change.AddTable a) {
            addTable(a.definition(), b);
        } else if (change instanceof Change.DropTable d) {
            b.addStatement("ctx.dsl().dropTable($L).execute()", table(d.table()));
        } else if (change instanceof Change.RenameTable r) {
            b.addStatement("ctx.dsl().alterTable($L).renameTo($L).execute()", table(r.from().name()), table(r.to().name()));
        } else if (change instanceof Change.AlterTableComment c) {
            b.addStatement("ctx.dsl().commentOnTable($L).is($S).execute()", table(c.table()), c.to().orElse(""));
        } else if (change instanceof Change.AddColumn a) {
            b.addStatement("ctx.dsl().alterTable($L).addColumn($L, $L).execute()", table(a.table()), p.column(a.table(), a.column().name()),
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
                    p.name(r.from().name()), p.column(r.table(), r.to().name()));
        } else if (change instanceof Change.AlterPrimaryKey k) {
            if (k.from().isPresent()) {
                b.addStatement("$L.dropPrimaryKey($L)", p.names(), table(k.table()));
            }
            k.to().ifPresent(pk -> b.addStatement("ctx.dsl().alterTable($L).add($L).execute()", table(k.table()), primaryKey(pk)));
        } else if (change instanceof Change.AddIndex a) {
            online.createIndex(b, a.table(), indexName(a.table(), a.index()), a.index().unique(), a.index().columns());
        } else if (change instanceof Change.DropIndex d) {
            online.dropIndex(b, d.table(), indexName(d.table(), d.index()));
        } else if (change instanceof Change.AddUnique a) {
            online.addUnique(b, a.table(), a.unique());
        } else if (change instanceof Change.DropUnique d) {
            if (d.unique().name().isEmpty() && sqlView) {
                b.addStatement("ctx.progress($S)", "-- " + Javadocs.oneLine(d.describe()) + " (its name is looked up when the migration runs)");
            } else {
                b.addStatement("ctx.dsl().alterTable($L).dropUnique($L).execute()", table(d.table()), d.unique().name().isEmpty()
                        ? CodeBlock.of("$L.uniqueKey($L, $L)", p.names(), table(d.table()), p.names(d.unique().columns()))
                        : p.name(d.unique().name()));
            }
        } else if (change instanceof Change.AddForeignKey a) {
            online.addForeignKey(b, a.table(), a.foreignKey(), foreignKey(a.foreignKey()));
        } else if (change instanceof Change.DropForeignKey d) {
            if (d.foreignKey().name().isEmpty() && sqlView) {
                b.addStatement("ctx.progress($S)", "-- " + Javadocs.oneLine(d.describe()) + " (its name is looked up when the migration runs)");
            } else {
                b.addStatement("$L.dropForeignKey($L, $L)", p.names(), table(d.table()), d.foreignKey().name().isEmpty()
                        ? CodeBlock.of("$L.foreignKey($L, $L)", p.names(), table(d.table()), p.names(d.foreignKey().columns()))
                        : p.name(d.foreignKey().name()));
            }
        } else if (change instanceof Change.AddCheck a) {
            online.addCheck(b, a.table(), check(a.check()));
        } else if (change instanceof Change.DropCheck d) {
            b.addStatement("ctx.dsl().alterTable($L).dropConstraint($L).execute()", table(d.table()),
                    p.name(named(d.check().name(), "check (" + d.check().expression() + ")", d.table())));
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
            s.add("\n.column($L, $L)", p.column(t.name(), c.name()), TypeCode.column(c, where(t.name(), c.name())));
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
                    if (a.to().nullable()) {
                        b.addStatement("$L.changeNullability($L, $L, $L)", p.names(), t, c, TypeCode.column(a.to(), where));
                    } else {
                        online.setNotNull(b, t, c, TypeCode.column(a.to(), where));
                    }
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
    private static String named(String name, String what, String table) {
        if (!name.isEmpty()) {
            return name;
        }
        throw new ConcertinaException(ErrorCode.CODEGEN, "drop " + what + " on \"" + table + "\""
                + ": the database named it, so the name differs per database and cannot be written into the migration;"
                + " name the constraint in the model, or drop it in a hand-written revision");
    }
}
