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
        return value(
                ctx,
                table,
                column,
                "format_type(atttypid, atttypmod)",
                "column_type",
                "concat_ws(' ', data_type, character_maximum_length, numeric_precision, numeric_scale,"
                        + " datetime_precision)");
    }

    /** The column's comment; null when it has none (or there is no catalog). */
    static String commentOf(MigrationContext ctx, Name table, Name column) {
        String comment =
                value(ctx, table, column, "pg_catalog.col_description(attrelid, attnum)", "column_comment", "remarks");
        return comment == null || comment.isEmpty() ? null : comment;
    }

    /** One catalog value of the column, each database's expression a constant of this class. */
    private static String value(
            MigrationContext ctx, Name table, Name column, String postgres, String mariaDb, String h2) {
        Record r = switch (ctx.dialect()) {
            case POSTGRES ->
                ctx.dsl()
                        .resultQuery(
                                "select " + postgres + " from pg_catalog.pg_attribute"
                                        + " where attrelid = to_regclass({0}) and attname = {1} and not attisdropped",
                                DSL.val(ctx.dsl().render(table)),
                                DSL.val(column.last()))
                        .fetchOne();
            case MARIADB, MYSQL ->
                ctx.dsl()
                        .resultQuery(
                                "select " + mariaDb + " from information_schema.columns where table_schema = database()"
                                        + " and table_name = {0} and column_name = {1}",
                                DSL.val(table.last()),
                                DSL.val(column.last()))
                        .fetchOne();
            default ->
                ctx.dsl()
                        .resultQuery(
                                "select " + h2 + " from information_schema.columns"
                                        + " where table_schema = current_schema and table_name = {0}"
                                        + " and column_name = {1}",
                                DSL.val(table.last()),
                                DSL.val(column.last()))
                        .fetchOne();
        };
        return r == null ? null : r.get(0, String.class);
    }
}
