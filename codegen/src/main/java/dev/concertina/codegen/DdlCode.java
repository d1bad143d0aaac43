package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.CheckConstraint;
import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.ReferentialAction;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a schema change ({@link Change}) as jOOQ DDL on {@code ctx.dsl()}, or as a call of
 * {@code SchemaNames} where the statement's shape depends on the running database. Each kind of
 * index and constraint has its own methods (add, drop, definition), used both when a table is
 * created and for a change. An existing object whose name the database chose (the model holds it
 * without one) is found by {@code SchemaNames} when the migration runs: its name differs per
 * database, so it is never written into the class.
 */
final class DdlCode {

    private static final ClassName DSL = TypeCode.DSL;
    private static final int INDENT = Layout.BODY_INDENT;

    private final NamePolicy p;
    private final boolean sqlView;
    private final OnlineDdlCode online;
    private final IndexCode indexes;

    DdlCode(NamePolicy policy, boolean sqlView) {
        this.p = policy;
        this.sqlView = sqlView;
        this.online = new OnlineDdlCode(policy);
        this.indexes = new IndexCode(policy, online);
    }

    /** How an error names a column: {@code "person"."email"}. */
    static String where(String table, String column) {
        return "\"" + table + "\".\"" + column + "\"";
    }

    private CodeBlock table(String t) {
        return p.name(t);
    }

    /** {@code ctx.dsl().alterTable(t)}, {@code call}, {@code .execute()}: one line when it fits. */
    private void alterTable(CodeBlock.Builder b, String table, String format, Object... args) {
        b.addStatement(
                "$L",
                Layout.chain(
                        INDENT,
                        CodeBlock.of("ctx.dsl().alterTable($L)", table(table)),
                        CodeBlock.of(format, args),
                        CodeBlock.of(".execute()")));
    }

    void ddl(Change change, CodeBlock.Builder b) {
        if (change instanceof Change.AddTable a) {
            addTable(a.definition(), b);
        } else if (change instanceof Change.DropTable d) {
            b.addStatement("ctx.dsl().dropTable($L).execute()", table(d.table()));
        } else if (change instanceof Change.RenameTable r) {
            alterTable(b, r.from().name(), ".renameTo($L)", table(r.to().name()));
        } else if (change instanceof Change.AlterTableComment c) {
            b.addStatement(
                    "$L",
                    Layout.chain(
                            INDENT,
                            CodeBlock.of("ctx.dsl().commentOnTable($L)", table(c.table())),
                            CodeBlock.of(".is($L)", Layout.string(c.to().orElse(""))),
                            CodeBlock.of(".execute()")));
        } else if (change instanceof Change.AddColumn a) {
            addColumn(a.table(), a.column(), b);
        } else if (change instanceof Change.DropColumn d) {
            alterTable(b, d.table(), ".dropColumn($L)", p.name(d.column().name()));
        } else if (change instanceof Change.AlterColumn a) {
            alterColumn(a, b);
        } else if (change instanceof Change.RenameColumn r) {
            alterTable(
                    b,
                    r.table(),
                    ".renameColumn($L).to($L)",
                    p.name(r.from().name()),
                    p.column(r.table(), r.to().name()));
        } else if (change instanceof Change.AlterPrimaryKey k) {
            if (k.from().isPresent()) {
                dropPrimaryKey(k.table(), b);
            }
            k.to().ifPresent(pk -> alterTable(b, k.table(), ".add($L)", primaryKey(pk)));
        } else if (change instanceof Change.AddIndex a) {
            indexes.create(a, b);
        } else if (change instanceof Change.DropIndex d) {
            indexes.drop(d, b, sqlView, () -> lookedUp(d, b));
        } else if (change instanceof Change.AddUnique a) {
            online.addUnique(b, a.table(), a.unique());
        } else if (change instanceof Change.DropUnique d) {
            dropUnique(d, b);
        } else if (change instanceof Change.AddForeignKey a) {
            online.addForeignKey(b, a.table(), a.foreignKey(), foreignKey(a.foreignKey()));
        } else if (change instanceof Change.DropForeignKey d) {
            dropForeignKey(d, b);
        } else if (change instanceof Change.AddCheck a) {
            online.addCheck(b, a.table(), check(a.check()));
        } else if (change instanceof Change.DropCheck d) {
            dropCheck(d, b);
        } else if (change instanceof Change.AddSequence a) {
            CodeBlock sequence = CodeBlock.of(
                    "ctx.dsl().createSequence($L)", p.name(a.sequence().name()));
            b.addStatement(
                    "$L",
                    Layout.chain(
                            INDENT,
                            sequence,
                            CodeBlock.of(".startWith($LL)", a.sequence().start()),
                            CodeBlock.of(".incrementBy($LL)", a.sequence().increment()),
                            CodeBlock.of(".execute()")));
        } else if (change instanceof Change.DropSequence d) {
            b.addStatement(
                    "ctx.dsl().dropSequence($L).execute()", p.name(d.sequence().name()));
        } else if (change instanceof Change.AlterSequence a) {
            CodeBlock sequence = CodeBlock.of("ctx.dsl().alterSequence($L)", p.name(a.to().name()));
            if (a.from().start() != a.to().start()) {
                b.addStatement(
                        "$L",
                        Layout.chain(
                                INDENT,
                                sequence,
                                CodeBlock.of(".startWith($LL)", a.to().start()),
                                CodeBlock.of(".execute()")));
            }
            if (a.from().increment() != a.to().increment()) {
                b.addStatement(
                        "$L",
                        Layout.chain(
                                INDENT,
                                sequence,
                                CodeBlock.of(".incrementBy($LL)", a.to().increment()),
                                CodeBlock.of(".execute()")));
            }
        } else {
            throw new ConcertinaException(
                    ErrorCode.CODEGEN, change.describe() + ": change kind '" + change.kind() + "' cannot be generated");
        }
    }

    private void addTable(Table t, CodeBlock.Builder b) {
        t.columns().forEach(c -> TypeCode.beforeColumn(c).ifPresent(x -> b.addStatement("$L", x)));
        CodeBlock.Builder s = CodeBlock.builder().add("ctx.dsl().createTable($L)", table(t.name()));
        List<Column> generated = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.details().generated().isPresent()) {
                generated.add(c); // added after the table is created: jOOQ's createTable has no computed columns
                continue;
            }
            s.add("\n.column($L,$W$L)", p.column(t.name(), c.name()), TypeCode.column(c, where(t.name(), c.name())));
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
        generated.forEach(c -> b.addStatement(
                "$L",
                TypeCode.addGenerated(c, table(t.name()), p.column(t.name(), c.name()), where(t.name(), c.name()))));
        t.columns()
                .forEach(c -> TypeCode.afterColumn(c, table(t.name()), p.name(c.name()))
                        .ifPresent(x -> b.addStatement("$L", x)));
        t.indexes().forEach(i -> indexes.add(t.name(), i, b));
        t.comment()
                .ifPresent(text -> b.addStatement(
                        "$L",
                        Layout.chain(
                                INDENT,
                                CodeBlock.of("ctx.dsl().commentOnTable($L)", table(t.name())),
                                CodeBlock.of(".is($L)", Layout.string(text)),
                                CodeBlock.of(".execute()"))));
        t.columns().forEach(c -> c.comment().ifPresent(text -> columnComment(t.name(), c.name(), text, b)));
    }

    private void addColumn(String table, Column column, CodeBlock.Builder b) {
        TypeCode.beforeColumn(column).ifPresent(x -> b.addStatement("$L", x));
        if (column.details().generated().isPresent()) {
            b.addStatement(
                    "$L",
                    TypeCode.addGenerated(
                            column, table(table), p.column(table, column.name()), where(table, column.name())));
            column.comment().ifPresent(text -> columnComment(table, column.name(), text, b));
            return;
        }
        alterTable(
                b,
                table,
                ".addColumn($L,$W$L)",
                p.column(table, column.name()),
                TypeCode.column(column, where(table, column.name())));
        TypeCode.afterColumn(column, table(table), p.name(column.name())).ifPresent(x -> b.addStatement("$L", x));
        column.comment().ifPresent(text -> columnComment(table, column.name(), text, b));
    }

    private void columnComment(String table, String column, String text, CodeBlock.Builder b) {
        CodeBlock comment =
                CodeBlock.of("ctx.dsl().commentOnColumn($T.name($L, $L))", DSL, table(table), p.name(column));
        b.addStatement(
                "$L",
                Layout.chain(
                        INDENT, comment, CodeBlock.of(".is($L)", Layout.string(text)), CodeBlock.of(".execute()")));
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
                        b.addStatement("$L", TypeCode.changeEnumValues(a.from(), a.to(), t, c, where));
                        break;
                    }
                    online.changeType(b, a.from().type(), a.to().type(), t, c, TypeCode.column(a.to(), where));
                    break;
                case COLLATION:
                    // The column's full definition carries the collation; a type change above already set it.
                    if (!a.aspects().contains(ColumnAspect.TYPE)) {
                        b.addStatement("$L.changeType($L, $L,$W$L)", p.names(), t, c, TypeCode.column(a.to(), where));
                    }
                    break;
                case GENERATED:
                    // No portable way to change an expression in place: dropped and added again.
                    alterTable(b, a.table(), ".dropColumn($L)", c);
                    addColumn(a.table(), a.to(), b);
                    break;
                case NULLABLE:
                    changeNullability(a, b);
                    break;
                case DEFAULT:
                    CodeBlock column = CodeBlock.of(".alterColumn($L)", c);
                    if (a.to().defaultValue().isPresent()) {
                        CodeBlock type = TypeCode.type(a.to().type(), where);
                        alterTable(
                                b,
                                a.table(),
                                "$L$L",
                                column,
                                CodeBlock.of(
                                        ".setDefault($L)",
                                        TypeCode.defaultValue(
                                                a.to().defaultValue().get(), a.to().type(), type)));
                    } else {
                        alterTable(b, a.table(), "$L.dropDefault()", column);
                    }
                    break;
                case COMMENT:
                    columnComment(a.table(), a.to().name(), a.to().comment().orElse(""), b);
                    break;
                default:
                    throw new ConcertinaException(
                            ErrorCode.CODEGEN,
                            "alter column " + where + ": changing whether a"
                                    + " column is an identity column has no portable jOOQ statement; write this step by hand in a"
                                    + " revision of its own");
            }
        }
    }

    /** SET NOT NULL or DROP NOT NULL, as the column's full definition says (MariaDB restates the column). */
    private void changeNullability(Change.AlterColumn a, CodeBlock.Builder b) {
        CodeBlock t = table(a.table());
        CodeBlock c = p.name(a.to().name());
        CodeBlock type = TypeCode.column(a.to(), where(a.table(), a.to().name()));
        if (a.to().nullable()) {
            b.addStatement("$L.changeNullability($L, $L,$W$L)", p.names(), t, c, type);
        } else {
            online.setNotNull(b, t, c, type);
        }
    }

    // ------------------------------------------------------------------ primary key

    private CodeBlock primaryKey(PrimaryKey pk) {
        return pk.name().isEmpty()
                ? CodeBlock.of("$T.primaryKey($L)", DSL, p.names(pk.columns()))
                : CodeBlock.of("$T.constraint($L).primaryKey($L)", DSL, p.name(pk.name()), p.names(pk.columns()));
    }

    /** By the table alone: {@code SchemaNames} looks PostgreSQL's constraint name up. */
    private void dropPrimaryKey(String table, CodeBlock.Builder b) {
        b.addStatement("$L.dropPrimaryKey($L)", p.names(), table(table));
    }

    // ------------------------------------------------------------------ unique constraints

    private CodeBlock unique(UniqueConstraint u) {
        return u.name().isEmpty()
                ? CodeBlock.of("$T.unique($L)", DSL, p.names(u.columns()))
                : CodeBlock.of("$T.constraint($L).unique($L)", DSL, p.name(u.name()), p.names(u.columns()));
    }

    private void dropUnique(Change.DropUnique d, CodeBlock.Builder b) {
        if (d.unique().name().isEmpty() && sqlView) {
            lookedUp(d, b);
            return;
        }
        alterTable(
                b,
                d.table(),
                ".dropUnique($L)",
                d.unique().name().isEmpty()
                        ? CodeBlock.of(
                                "$L.uniqueKey($L,$W$L)",
                                p.names(),
                                table(d.table()),
                                p.names(d.unique().columns()))
                        : p.name(d.unique().name()));
    }

    // ------------------------------------------------------------------ foreign keys

    private CodeBlock foreignKey(ForeignKey fk) {
        List<CodeBlock> calls = new ArrayList<>();
        calls.add(
                fk.name().isEmpty()
                        ? CodeBlock.of("$T.foreignKey($L)", DSL, p.names(fk.columns()))
                        : CodeBlock.of(
                                "$T.constraint($L).foreignKey($L)", DSL, p.name(fk.name()), p.names(fk.columns())));
        calls.add(CodeBlock.of(".references($L,$W$L)", p.name(fk.referencedTable()), p.names(fk.referencedColumns())));
        action("onDelete", fk.onDelete()).ifPresent(calls::add);
        action("onUpdate", fk.onUpdate()).ifPresent(calls::add);
        return Layout.nestedChain(calls.toArray(CodeBlock[]::new));
    }

    private static java.util.Optional<CodeBlock> action(String prefix, ReferentialAction a) {
        switch (a) {
            case RESTRICT:
                return java.util.Optional.of(CodeBlock.of(".$LRestrict()", prefix));
            case CASCADE:
                return java.util.Optional.of(CodeBlock.of(".$LCascade()", prefix));
            case SET_NULL:
                return java.util.Optional.of(CodeBlock.of(".$LSetNull()", prefix));
            case SET_DEFAULT:
                return java.util.Optional.of(CodeBlock.of(".$LSetDefault()", prefix));
            default:
                return java.util.Optional.empty();
        }
    }

    /** Through {@code SchemaNames}, which also drops the index MariaDB made for the key. */
    private void dropForeignKey(Change.DropForeignKey d, CodeBlock.Builder b) {
        if (d.foreignKey().name().isEmpty() && sqlView) {
            lookedUp(d, b);
            return;
        }
        b.addStatement(
                "$L.dropForeignKey($L,$W$L)",
                p.names(),
                table(d.table()),
                d.foreignKey().name().isEmpty()
                        ? CodeBlock.of(
                                "$L.foreignKey($L,$W$L)",
                                p.names(),
                                table(d.table()),
                                p.names(d.foreignKey().columns()))
                        : p.name(d.foreignKey().name()));
    }

    // ------------------------------------------------------------------ checks

    private CodeBlock check(CheckConstraint c) {
        CodeBlock condition = CodeBlock.of("$T.condition($L)", DSL, Layout.string(c.expression()));
        return c.name().isEmpty()
                ? CodeBlock.of("$T.check($L)", DSL, condition)
                : CodeBlock.of("$T.constraint($L).check($L)", DSL, p.name(c.name()), condition);
    }

    /**
     * A named check by its name; one the database named, by its condition when the migration runs
     * ({@code SchemaNames.dropCheck}, which also reaches MariaDB's checks written on a column).
     */
    private void dropCheck(Change.DropCheck d, CodeBlock.Builder b) {
        if (d.check().name().isEmpty() && sqlView) {
            lookedUp(d, b);
            return;
        }
        if (d.check().name().isEmpty()) {
            b.addStatement(
                    "$L.dropCheck($L,$W$L)",
                    p.names(),
                    table(d.table()),
                    Layout.string(d.check().expression()));
        } else {
            alterTable(b, d.table(), ".dropConstraint($L)", p.name(d.check().name()));
        }
    }

    /** For the SQL view, which reads no catalog: the drop of an object whose name is looked up when the migration runs. */
    private void lookedUp(Change change, CodeBlock.Builder b) {
        b.addStatement(
                "ctx.progress($L)",
                Layout.string("-- " + Javadocs.oneLine(change.describe())
                        + " (its name is looked up when the migration runs)"));
    }
}
