package dev.concertina.bench.scale;

import dev.concertina.runtime.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The floor of the live read: hand-written catalog queries that fetch the facts the live reader
 * returns (tables and comments; columns with type, length/precision/scale, nullability, default,
 * identity, comment; primary keys, uniques, foreign keys with their columns and rules; indexes with
 * their columns; checks; triggers; sequences), every row read into Java strings. Nothing is turned
 * into a model: this is the cost of asking the catalog, which no reader can beat.
 */
final class Floors {

    private Floors() {}

    private static final List<String> POSTGRES = List.of(
            // tables and columns, with types, defaults, identity and comments
            "select c.relname, obj_description(c.oid, 'pg_class'), a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum)"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
                    + " left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum"
                    + " where n.nspname = ? and c.relkind in ('r', 'p') order by c.relname, a.attnum",
            // primary keys, uniques, foreign keys (with referenced table and rules) and checks
            "select c.relname, k.conname, k.contype, k.conkey, f.relname, k.confkey, k.confdeltype, k.confupdtype,"
                    + " pg_get_constraintdef(k.oid) from pg_constraint k join pg_class c on c.oid = k.conrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace left join pg_class f on f.oid = k.confrelid"
                    + " where n.nspname = ? and k.contype in ('p', 'u', 'f', 'c')",
            // indexes with their columns, uniqueness, the constraint they back and partial predicate
            "select t.relname, i.relname, x.indisunique, x.indisprimary, x.indkey, x.indpred is not null,"
                    + " (select k.conname from pg_constraint k where k.conindid = x.indexrelid limit 1)"
                    + " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                    + " join pg_namespace n on n.oid = t.relnamespace where n.nspname = ?",
            // triggers and sequences
            "select c.relname, g.tgname, g.tgtype from pg_trigger g join pg_class c on c.oid = g.tgrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and not g.tgisinternal",
            "select sequencename, start_value, increment_by from pg_sequences where schemaname = ?");

    private static final List<String> MARIADB = List.of(
            "select table_name, table_comment from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'",
            "select table_name, column_name, ordinal_position, column_type, data_type, character_maximum_length, numeric_precision,"
                    + " numeric_scale, is_nullable, column_default, extra, column_comment from information_schema.columns"
                    + " where table_schema = ? order by table_name, ordinal_position",
            "select c.table_name, c.constraint_name, c.constraint_type, k.column_name, k.ordinal_position, k.referenced_table_name,"
                    + " k.referenced_column_name from information_schema.table_constraints c join information_schema.key_column_usage k"
                    + " on k.constraint_schema = c.constraint_schema and k.table_name = c.table_name and k.constraint_name = c.constraint_name"
                    + " where c.table_schema = ?",
            "select constraint_name, table_name, update_rule, delete_rule from information_schema.referential_constraints"
                    + " where constraint_schema = ?",
            "select table_name, index_name, non_unique, seq_in_index, column_name, sub_part from information_schema.statistics"
                    + " where table_schema = ? order by table_name, index_name, seq_in_index",
            "select table_name, constraint_name, check_clause from information_schema.check_constraints where constraint_schema = ?",
            "select event_object_table, trigger_name, action_timing, event_manipulation from information_schema.triggers"
                    + " where trigger_schema = ?");

    // H2's INFORMATION_SCHEMA tables are computed on each query and joins between them grow with the
    // product of their sizes (42 s at 500 tables with two joins): each view is read on its own, as
    // a reader would, and matched in memory.
    private static final List<String> H2 = List.of(
            "select table_name, remarks from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'",
            "select table_name, column_name, ordinal_position, data_type, character_maximum_length, numeric_precision, numeric_scale,"
                    + " is_nullable, column_default, is_identity, remarks from information_schema.columns where table_schema = ?",
            "select table_name, constraint_name, constraint_type, index_name from information_schema.table_constraints where table_schema = ?",
            "select constraint_name, table_name, column_name, ordinal_position from information_schema.key_column_usage where table_schema = ?",
            "select constraint_name, unique_constraint_name, update_rule, delete_rule from information_schema.referential_constraints"
                    + " where constraint_schema = ?",
            "select table_name, index_name, index_type_name from information_schema.indexes where table_schema = ?",
            "select table_name, index_name, column_name, ordinal_position from information_schema.index_columns where table_schema = ?",
            "select constraint_name, check_clause from information_schema.check_constraints where constraint_schema = ?",
            "select trigger_name, event_object_table, action_timing, event_manipulation from information_schema.triggers where trigger_schema = ?",
            "select sequence_name, start_value, increment from information_schema.sequences where sequence_schema = ?");

    static List<String> queries(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> POSTGRES;
            case MARIADB -> MARIADB;
            case H2 -> H2;
            default -> throw new IllegalArgumentException(dialect.name());
        };
    }

    /** Runs every catalog query of the dialect for {@code schema}; returns the number of values read. */
    static long read(Connection c, Dialect dialect, String schema) throws SQLException {
        long values = 0;
        for (String sql : queries(dialect)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            String v = rs.getString(i);
                            if (v != null) values++;
                        }
                    }
                }
            }
        }
        return values;
    }
}
