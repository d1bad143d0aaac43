package dev.concertina.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.concertina.engine.diff.Change;
import dev.concertina.engine.diff.ColumnAspect;
import dev.concertina.engine.model.ColumnType;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.UniqueConstraint;
import dev.concertina.engine.plan.Step;
import dev.concertina.engine.plan.TypeChange;
import dev.concertina.runtime.Dialect;
import java.util.List;

/**
 * Renders the schema changes that have an online form as calls of the runtime's {@code OnlineDdl}:
 * index builds, unique constraints, foreign keys, checks and SET NOT NULL. Which form runs is decided
 * where the class runs, per database (docs/expand.md, "Online DDL"); the SQL view shows the one the
 * target database gets.
 */
final class OnlineDdlCode {

    static final ClassName ONLINE_DDL = ClassName.get("dev.concertina.runtime.online", "OnlineDdl");
    private static final ClassName NAME = ClassName.get("org.jooq", "Name");

    private final NamePolicy p;

    OnlineDdlCode(NamePolicy policy) {
        this.p = policy;
    }

    /**
     * Whether a step runs an online form, which on PostgreSQL must commit statement by statement
     * ({@code CREATE INDEX CONCURRENTLY} refuses a transaction), so its revision is not transactional.
     */
    static boolean runsOnline(Step step) {
        if (!(step instanceof Step.Ddl d)) {
            return false;
        }
        Change c = d.change();
        return c instanceof Change.AddIndex
                || c instanceof Change.DropIndex
                || c instanceof Change.AddUnique
                || c instanceof Change.AddForeignKey
                || c instanceof Change.AddCheck
                || c instanceof Change.AlterColumn a
                        && (a.aspects().contains(ColumnAspect.NULLABLE) && !a.to().nullable()
                                || swapsOnPostgres(a)
                                // PostgreSQL replaces the check of an enumeration's values
                                // (PortableTypes.changeEnumValues).
                                || a.aspects().contains(ColumnAspect.TYPE)
                                        && TypeCode.isEnumValuesChange(a.from().type(), a.to().type()));
    }

    /** A type change PostgreSQL would do by rewriting or scanning the table: the runtime swaps the column there. */
    static boolean swapsOnPostgres(Change.AlterColumn a) {
        return a.aspects().contains(ColumnAspect.TYPE)
                && !TypeCode.isEnumValuesChange(a.from().type(), a.to().type())
                && TypeChange.rewritesOn(a.from().type(), a.to().type()).contains(Dialect.POSTGRES);
    }

    /**
     * A column's type change: {@code OnlineDdl.changeType} (a column swap on PostgreSQL) where PostgreSQL
     * would rewrite or scan the table, else {@code changeTypeInCatalog} (in place; the SQL view says why
     * it is catalog-only there). {@code definition}: the column's whole definition.
     */
    void changeType(
            CodeBlock.Builder b,
            ColumnType from,
            ColumnType to,
            CodeBlock table,
            CodeBlock column,
            CodeBlock definition) {
        boolean swaps = TypeChange.rewritesOn(from, to).contains(Dialect.POSTGRES);
        b.addStatement(
                "$T.$L(ctx, $L, $L,$W$L)",
                ONLINE_DDL,
                swaps ? "changeType" : "changeTypeInCatalog",
                table,
                column,
                definition);
    }

    /** A hinted conversion: a column swap on every database ({@code OnlineDdl.convertColumn}). */
    void convertColumn(CodeBlock.Builder b, CodeBlock table, CodeBlock column, CodeBlock definition, CodeBlock up) {
        b.addStatement("$T.convertColumn(ctx, $L, $L,$W$L,$W$L)", ONLINE_DDL, table, column, definition, up);
    }

    void createIndex(CodeBlock.Builder b, String table, String index, boolean unique, List<String> columns) {
        b.addStatement(
                "$T.createIndex(ctx,$W$L,$W$L,$W$L,$W$L)",
                ONLINE_DDL,
                p.name(index),
                p.name(table),
                unique,
                p.names(columns));
    }

    void dropIndex(CodeBlock.Builder b, String table, String index) {
        dropIndex(b, table, p.name(index));
    }

    /** {@code index}: an expression of the index's name (a name the database chose is looked up). */
    void dropIndex(CodeBlock.Builder b, String table, CodeBlock index) {
        b.addStatement("$T.dropIndex(ctx,$W$L,$W$L)", ONLINE_DDL, index, p.name(table));
    }

    void addUnique(CodeBlock.Builder b, String table, UniqueConstraint u) {
        b.addStatement(
                "$T.addUnique(ctx,$W$L,$W$L,$W$L)",
                ONLINE_DDL,
                p.name(table),
                u.name().isEmpty() ? CodeBlock.of("null") : p.name(u.name()),
                p.names(u.columns()));
    }

    /** {@code constraint}: the foreign key as a jOOQ constraint expression. */
    void addForeignKey(CodeBlock.Builder b, String table, ForeignKey fk, CodeBlock constraint) {
        // The constraint on lines of its own: it is the step a reviewer reads; the names after it repeat it for the
        // check.
        b.addStatement(
                "$T.addForeignKey(ctx, $L,\n$L,\nnew $T[] {$L},$W$L,$Wnew $T[] {$L})",
                ONLINE_DDL,
                p.name(table),
                constraint,
                NAME,
                p.names(fk.columns()),
                p.name(fk.referencedTable()),
                NAME,
                p.names(fk.referencedColumns()));
    }

    /** {@code constraint}: the check as a jOOQ constraint expression. */
    void addCheck(CodeBlock.Builder b, String table, CodeBlock constraint) {
        b.addStatement("$T.addCheck(ctx,$W$L,$W$L)", ONLINE_DDL, p.name(table), constraint);
    }

    /** {@code type}: the column's whole definition (MariaDB restates it). */
    void setNotNull(CodeBlock.Builder b, CodeBlock table, CodeBlock column, CodeBlock type) {
        b.addStatement("$T.setNotNull(ctx,$W$L,$W$L,$W$L)", ONLINE_DDL, table, column, type);
    }
}
