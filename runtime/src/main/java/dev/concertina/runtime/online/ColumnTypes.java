package dev.concertina.runtime.online;

import dev.concertina.runtime.MigrationContext;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A column's type as the catalog spells it, to tell two columns of one table apart ({@link
 * ColumnSwap}: whether a swap already took effect); null when there is no such column (or no catalog:
 * the recording connection of the SQL view).
 */
final class ColumnTypes {

    private ColumnTypes() {}

    static String of(MigrationContext ctx, Name table, Name column) {
        Record r = switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.dsl()
                        .resultQuery(
                                "select format_type(atttypid, atttypmod) from pg_catalog.pg_attribute"
                                        + " where attrelid = to_regclass({0}) and attname = {1} and not attisdropped",
                                DSL.val(ctx.dsl().render(table)), DSL.val(column.last()))
                        .fetchOne();
            case MARIADB, MYSQL ->
                ctx.dsl()
                        .resultQuery(
                                "select column_type from information_schema.columns where table_schema = database()"
                                        + " and table_name = {0} and column_name = {1}",
                                DSL.val(table.last()), DSL.val(column.last()))
                        .fetchOne();
            default ->
                ctx.dsl()
                        .resultQuery(
                                "select concat_ws(' ', data_type, character_maximum_length, numeric_precision,"
                                        + " numeric_scale, datetime_precision) from information_schema.columns"
                                        + " where table_schema = current_schema and table_name = {0}"
                                        + " and column_name = {1}",
                                DSL.val(table.last()), DSL.val(column.last()))
                        .fetchOne();
        };
        return r == null ? null : r.get(0, String.class);
    }

    /** The column's comment; null when it has none (or there is no catalog). */
    static String commentOf(MigrationContext ctx, Name table, Name column) {
        Record r = switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.dsl()
                        .resultQuery(
                                "select pg_catalog.col_description(attrelid, attnum) from pg_catalog.pg_attribute"
                                        + " where attrelid = to_regclass({0}) and attname = {1} and not attisdropped",
                                DSL.val(ctx.dsl().render(table)), DSL.val(column.last()))
                        .fetchOne();
            case MARIADB, MYSQL ->
                ctx.dsl()
                        .resultQuery(
                                "select column_comment from information_schema.columns where table_schema = database()"
                                        + " and table_name = {0} and column_name = {1}",
                                DSL.val(table.last()), DSL.val(column.last()))
                        .fetchOne();
            default ->
                ctx.dsl()
                        .resultQuery(
                                "select remarks from information_schema.columns where table_schema = current_schema"
                                        + " and table_name = {0} and column_name = {1}",
                                DSL.val(table.last()), DSL.val(column.last()))
                        .fetchOne();
        };
        String comment = r == null ? null : r.get(0, String.class);
        return comment == null || comment.isEmpty() ? null : comment;
    }
}
