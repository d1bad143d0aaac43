package dev.concertina.runtime.internal;

import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A MariaDB column's definition as the server has it, for a {@code MODIFY COLUMN} that restates
 * the whole column to change one part of it. jOOQ's restatement is built from the migration's
 * portable type, which cannot say {@code int unsigned}, a collation, {@code ON UPDATE
 * current_timestamp()}, a comment or {@code INVISIBLE}: restated from it, MariaDB would silently
 * drop them. Read from {@code information_schema.columns}, every part the change does not touch
 * is written back as it was.
 *
 * <p>The type, default and extra are the server's own SQL for the column; the collation is a
 * quoted name and the comment an inlined string, so nothing a user named is pasted.
 *
 * @param columnType {@code int(10) unsigned}, {@code varchar(30)}: the catalog's column_type
 * @param nullable   whether it accepts NULL now
 * @param collation  the column's collation, for character columns
 * @param defaultSql the default as SQL, if the column has one
 * @param extra      the catalog's extra, lower case ({@code on update current_timestamp()})
 * @param comment    the column's comment, empty when none
 */
public record MariaDbColumnDefinition(
        String columnType,
        boolean nullable,
        Optional<String> collation,
        Optional<String> defaultSql,
        String extra,
        String comment) {

    /**
     * The column's definition, or empty when the catalog does not have it (the SQL view's
     * recording connection, which reads no catalog) or it is a generated column, whose expression
     * a restatement cannot carry: the caller then restates from the migration's type.
     */
    public static Optional<MariaDbColumnDefinition> read(DSLContext dsl, Name table, Name column) {
        Record c = dsl.resultQuery(
                        "select column_type, collation_name, column_default, extra, column_comment, is_nullable"
                                + " from information_schema.columns where table_schema = database() and table_name = {0}"
                                + " and column_name = {1}",
                        DSL.val(table.last()), DSL.val(column.last()))
                .fetchOne();
        if (c == null) {
            return Optional.empty();
        }
        String extra =
                c.get(3, String.class) == null ? "" : c.get(3, String.class).toLowerCase(Locale.ROOT);
        if (extra.contains("generated")) {
            return Optional.empty();
        }
        String defaultSql = c.get(2, String.class);
        // MariaDB shows a nullable column without a default as the text NULL (a NULL literal
        // default is the same thing); a NOT NULL column cannot have it.
        if (defaultSql != null && defaultSql.equalsIgnoreCase("null")) {
            defaultSql = null;
        }
        String comment = c.get(4, String.class);
        return Optional.of(new MariaDbColumnDefinition(
                c.get(0, String.class),
                !"NO".equals(c.get(5, String.class)),
                Optional.ofNullable(c.get(1, String.class)),
                Optional.ofNullable(defaultSql),
                extra,
                comment == null ? "" : comment));
    }

    /** This definition with another comment. */
    public MariaDbColumnDefinition withComment(String newComment) {
        return new MariaDbColumnDefinition(columnType, nullable, collation, defaultSql, extra, newComment);
    }

    /**
     * {@code alter table t modify column c <this definition>}, nullable or not as asked, with
     * {@code clause} (an algorithm, or empty) after it.
     */
    public Query modify(DSLContext dsl, Name table, Name column, boolean nullable, String clause) {
        QueryPart collate = collation
                .<QueryPart>map(n -> DSL.sql(" collate {0}", DSL.name(n)))
                .orElse(DSL.sql(""));
        StringBuilder sql = new StringBuilder("alter table {0} modify column {1} ")
                .append(columnType)
                .append("{2}")
                .append(nullable ? " null" : " not null");
        // The server's own SQL for the default: a string literal in it is quoted, so plain SQL
        // templating leaves its braces alone.
        defaultSql.ifPresent(d -> sql.append(" default ").append(d));
        return DSL.query(
                sql.append(kept(true, 3)).append(clause).toString(), table, column, collate, DSL.inline(comment));
    }

    /**
     * The same column with another type: {@code restatement} is jOOQ's {@code MODIFY} of it with
     * the new type and nullability (a character type without a collation of its own gets the
     * column's, see {@link #keepCollation}); the comment, {@code AUTO_INCREMENT}, {@code INVISIBLE}
     * and the {@code ON UPDATE} of a temporal type are kept. The default is the caller's to set.
     */
    public Query modifyType(Query restatement, DataType<?> type, String clause) {
        return DSL.query(
                "{0}" + kept(type.isDateTime() || type.isTimestamp(), 1) + clause, restatement, DSL.inline(comment));
    }

    /** {@code type} with the column's collation when it is a character type with none of its own. */
    public <T> DataType<T> keepCollation(DataType<T> type) {
        return type.collation() == null && type.isString() && collation.isPresent()
                ? type.collation(DSL.collation(collation.get()))
                : type;
    }

    /** The attributes after the default, as template text; placeholder {@code comment} is the comment. */
    private String kept(boolean temporal, int comment) {
        StringBuilder sql = new StringBuilder();
        int onUpdate = extra.indexOf("on update ");
        if (temporal && onUpdate >= 0) {
            String rest = extra.substring(onUpdate + "on update ".length()).trim();
            if (!rest.isEmpty()) {
                sql.append(" on update ").append(rest.split("\\s+")[0]);
            }
        }
        if (extra.contains("auto_increment")) {
            sql.append(" auto_increment");
        }
        if (extra.contains("invisible")) {
            sql.append(" invisible");
        }
        if (!this.comment.isEmpty()) {
            sql.append(" comment {").append(comment).append('}');
        }
        return sql.toString();
    }
}
