package dev.concertina.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The names a database chose for indexes and constraints created without one, read from its
 * catalog when a migration runs; the methods of {@link SchemaNames} of the same names.
 */
final class CatalogNames {

    private final Dialect dialect;
    private final DSLContext dsl;

    CatalogNames(Dialect dialect, DSLContext dsl) {
        this.dialect = dialect;
        this.dsl = dsl;
    }

    List<Name> inListChecks(Name table, Name column) {
        return dsl
                .resultQuery(
                        "select c.conname from pg_catalog.pg_constraint c"
                                + " join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                                + " where c.conrelid = to_regclass({0})::oid and c.contype = 'c' and cardinality(c.conkey) = 1"
                                + " and a.attname = {1} and pg_catalog.pg_get_constraintdef(c.oid) like '%= ANY (%ARRAY[%'"
                                + " order by c.conname",
                        DSL.val(dsl.render(table)), DSL.val(column.last()))
                .fetch(0, String.class)
                .stream()
                .<Name>map(n -> DSL.quotedName(n))
                .toList();
    }

    Name uniqueKey(Name table, Name... columns) {
        return constraint("UNIQUE", "unique constraint", table, columns);
    }

    Name foreignKey(Name table, Name... columns) {
        return constraint("FOREIGN KEY", "foreign key", table, columns);
    }

    Name index(Name table, Name... columns) {
        String sql;
        if (dialect == Dialect.POSTGRES) {
            sql = "select ic.relname, a.attname from pg_catalog.pg_index i"
                    + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
                    + " cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)"
                    + " join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum"
                    + " where i.indrelid = to_regclass({0})::oid and k.ord <= i.indnkeyatts"
                    + " and not exists (select 1 from pg_catalog.pg_constraint c where c.conindid = i.indexrelid)"
                    + " order by ic.relname, k.ord";
        } else if (dialect == Dialect.H2) {
            sql = "select i.index_name, c.column_name from information_schema.indexes i"
                    + " join information_schema.index_columns c on c.index_schema = i.index_schema"
                    + " and c.index_name = i.index_name and c.table_name = i.table_name"
                    + " where i.table_schema = current_schema and i.table_name = {0} and not i.is_generated"
                    + " and i.index_type_name <> 'PRIMARY KEY' order by i.index_name, c.ordinal_position";
        } else {
            sql = "select index_name, column_name from information_schema.statistics where table_schema = database()"
                    + " and table_name = {0} and index_name <> 'PRIMARY' order by index_name, seq_in_index";
        }
        return overColumns(dsl.resultQuery(sql, tableValue(table)), "index", table, columns);
    }

    Name check(Name table, String expression) {
        return findCheck(table, expression).name();
    }

    /** A check the database named, and whether MariaDB keeps it in its column's definition. */
    record FoundCheck(Name name, boolean onColumn) {}

    FoundCheck findCheck(Name table, String expression) {
        String sql;
        if (dialect == Dialect.POSTGRES) {
            sql = "select conname, pg_catalog.pg_get_constraintdef(oid) from pg_catalog.pg_constraint"
                    + " where conrelid = to_regclass({0})::oid and contype = 'c' order by conname";
        } else if (dialect == Dialect.H2) {
            sql = "select tc.constraint_name, cc.check_clause from information_schema.table_constraints tc"
                    + " join information_schema.check_constraints cc on cc.constraint_schema = tc.constraint_schema"
                    + " and cc.constraint_name = tc.constraint_name"
                    + " where tc.table_schema = current_schema and tc.table_name = {0} and tc.constraint_type = 'CHECK'"
                    + " order by tc.constraint_name";
        } else {
            // MariaDB lists checks written on a column here only, not in table_constraints.
            sql = "select constraint_name, check_clause, level from information_schema.check_constraints"
                    + " where constraint_schema = database() and table_name = {0} order by constraint_name";
        }
        String wanted = checkText(expression);
        List<String> seen = new ArrayList<>();
        for (Record r : dsl.resultQuery(sql, tableValue(table))) {
            seen.add(r.get(0, String.class) + " (" + r.get(1, String.class) + ")");
            if (checkText(r.get(1, String.class)).equals(wanted)) {
                boolean onColumn = r.size() > 2 && "Column".equalsIgnoreCase(r.get(2, String.class));
                return new FoundCheck(DSL.quotedName(r.get(0, String.class)), onColumn);
            }
        }
        throw new ConcertinaException(
                ErrorCode.MIGRATION_FAILED,
                "find the check (" + expression + ") of "
                        + dsl.render(table)
                        + ": there is none" + (seen.isEmpty() ? "" : "; its checks are " + String.join(", ", seen)));
    }

    /** The table as a bind value: PostgreSQL's queries take its quoted name, the others its name. */
    private Param<String> tableValue(Name table) {
        return DSL.val(dialect == Dialect.POSTGRES ? dsl.render(table) : table.last());
    }

    /** A check's condition reduced for comparison across databases' spellings of it. */
    private static String checkText(String condition) {
        String s = condition.toLowerCase(Locale.ROOT).strip();
        if (s.startsWith("check")) {
            s = s.substring("check".length());
        }
        s = s.replaceAll(
                "::(?:character varying|double precision|timestamp with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\\[\\])?",
                "");
        return s.replaceAll("[\"`()\\s]", "");
    }

    private Name constraint(String type, String what, Name table, Name... columns) {
        String schema = dialect == Dialect.POSTGRES
                ? "current_schema()"
                : dialect == Dialect.H2 ? "current_schema" : "database()";
        // The schema expression is one of three constants above; the table and type are bind values.
        ResultQuery<Record> query = dsl.resultQuery(
                "select tc.constraint_name, kcu.column_name from information_schema.table_constraints tc"
                        + " join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name"
                        + " and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name"
                        + " where tc.table_schema = " + schema
                        + " and tc.table_name = {0} and tc.constraint_type = {1}"
                        + " order by tc.constraint_name, kcu.ordinal_position",
                DSL.val(table.last()),
                DSL.val(type));
        return overColumns(query, what, table, columns);
    }

    /**
     * The first name, in name order, of {@code query}'s (name, column) rows whose columns are
     * exactly {@code columns} in order.
     */
    private Name overColumns(ResultQuery<Record> query, String what, Name table, Name... columns) {
        Map<String, List<String>> found = new TreeMap<>();
        query.forEach(r -> found.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                .add(r.get(1, String.class)));
        List<String> wanted = Arrays.stream(columns).map(Name::last).toList();
        return found.entrySet().stream()
                .filter(e -> e.getValue().equals(wanted))
                .map(e -> DSL.quotedName(e.getKey()))
                .findFirst()
                .orElseThrow(() -> new ConcertinaException(
                        ErrorCode.MIGRATION_FAILED,
                        "find the " + what + " of " + dsl.render(table) + " on " + String.join(", ", wanted)
                                + ": there is none"));
    }
}
