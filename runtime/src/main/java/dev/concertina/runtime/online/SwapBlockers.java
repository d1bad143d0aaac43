package dev.concertina.runtime.online;

import dev.concertina.runtime.MigrationContext;
import java.util.List;
import java.util.Optional;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * Why a column cannot be swapped for a new one ({@link ColumnSwap}): anything that hangs on the column
 * itself would be dropped with it or refuse the drop, so the type then changes in place. PostgreSQL,
 * read from the catalog: what {@code pg_depend} records on the column (indexes, constraints of either
 * side of a foreign key, views and rules, owned sequences, triggers on the column, policies,
 * statistics, generated columns; its own default is rebuilt and does not count), and what it does not
 * (identity, column privileges, inheritance, partitions, a table without a primary key,
 * which the batched backfill walks).
 */
final class SwapBlockers {

    private SwapBlockers() {}

    /**
     * The reasons, one line each; empty when the swap can go ahead, and where the catalog cannot be read
     * (the recording connection of the SQL view, which shows the swap).
     */
    static List<String> of(MigrationContext ctx, Name table, Name column) {
        return ctx.dialect() == dev.concertina.runtime.Dialect.POSTGRES
                ? postgres(ctx, table, column)
                : mariaDb(ctx, table, column);
    }

    /**
     * MariaDB: an index on the column (dropped with it), a foreign key on either side (MariaDB refuses
     * the drop), a check or generated column naming it, a generated or auto-increment column,
     * no primary key, and sync triggers the server refuses (binary log without SUPER). A view is no
     * reason: it names the column, which is back under the same name when the swap's one ALTER ends.
     */
    private static List<String> mariaDb(MigrationContext ctx, Name table, Name column) {
        List<String> out = new java.util.ArrayList<>(ctx.dsl()
                .resultQuery("""
                        select r from (
                          select concat('it is in index ', index_name) r from information_schema.statistics
                            where table_schema = database() and table_name = {0} and column_name = {1}
                          union all
                          select concat('foreign key ', constraint_name, ' of ', table_name, ' uses it')
                            from information_schema.key_column_usage
                            where table_schema = database() and referenced_table_name is not null
                              and ((table_name = {0} and column_name = {1})
                                or (referenced_table_name = {0} and referenced_column_name = {1}))
                          union all
                          select concat('check ', constraint_name, ' names it') from information_schema.check_constraints
                            where constraint_schema = database() and table_name = {0}
                              and instr(check_clause, concat('`', {1}, '`')) > 0
                          union all
                          select concat('generated column ', column_name, ' uses it') from information_schema.columns
                            where table_schema = database() and table_name = {0} and column_name <> {1}
                              and instr(coalesce(generation_expression, ''), concat('`', {1}, '`')) > 0
                          union all
                          select 'it is a generated or auto-increment column' from information_schema.columns
                            where table_schema = database() and table_name = {0} and column_name = {1}
                              and (is_generated <> 'NEVER' or extra like '%auto_increment%')
                          union all
                          select 'the table has no primary key for the batched backfill to walk' from dual
                            where exists (select 1 from information_schema.tables
                              where table_schema = database() and table_name = {0})
                            and not exists (select 1 from information_schema.table_constraints
                              where table_schema = database() and table_name = {0} and constraint_type = 'PRIMARY KEY')
                        ) x order by r
                        """, DSL.val(table.last()), DSL.val(column.last()))
                .fetch(0, String.class));
        try {
            dev.concertina.runtime.expand.TriggerPreflight.problem(
                            dev.concertina.runtime.expand.TriggerPreflight.read(ctx.connection()))
                    .ifPresent(p -> out.add("sync triggers refused: " + p));
        } catch (java.sql.SQLException | RuntimeException e) {
            // The recording connection of the SQL view reads nothing: no reason.
        }
        return out.stream().distinct().toList();
    }

    private static List<String> postgres(MigrationContext ctx, Name table, Name column) {
        String t = ctx.dsl().render(table);
        return ctx.dsl().resultQuery("""
                        select r from (with col as (
                          select a.attrelid rel, a.attnum num, a.attidentity, a.attgenerated, a.attacl, c.relkind,
                                 c.relispartition
                          from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
                          where a.attrelid = to_regclass({0}) and a.attname = {1} and not a.attisdropped)
                        select r from (
                          select 'it is in index ' || i.indexrelid::regclass::text r
                            from col join pg_catalog.pg_index i on i.indrelid = col.rel
                            where col.num = any(i.indkey) or exists (
                              select 1 from pg_catalog.pg_depend d where d.classid = 'pg_class'::regclass
                                and d.objid = i.indexrelid and d.refobjid = col.rel and d.refobjsubid = col.num)
                          union all
                          select 'constraint ' || quote_ident(k.conname) || ' of ' || k.conrelid::regclass::text
                                 || ' uses it'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            join pg_catalog.pg_constraint k on d.classid = 'pg_constraint'::regclass and k.oid = d.objid
                              and k.contype <> 'n'
                          union all
                          select 'view or rule ' || w.ev_class::regclass::text || ' uses it'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            join pg_catalog.pg_rewrite w on d.classid = 'pg_rewrite'::regclass and w.oid = d.objid
                          union all
                          select 'sequence ' || d.objid::regclass::text || ' is owned by it (serial)'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            where d.classid = 'pg_class'::regclass and d.objsubid = 0 and exists (
                              select 1 from pg_catalog.pg_class s where s.oid = d.objid and s.relkind = 'S')
                          union all
                          select 'generated column ' || quote_ident(g.attname) || ' uses it'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            join pg_catalog.pg_attrdef ad on d.classid = 'pg_attrdef'::regclass and ad.oid = d.objid
                              and ad.adnum <> col.num
                            join pg_catalog.pg_attribute g on g.attrelid = ad.adrelid and g.attnum = ad.adnum
                          union all
                          select 'trigger ' || quote_ident(tg.tgname) || ' names it'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            join pg_catalog.pg_trigger tg on d.classid = 'pg_trigger'::regclass and tg.oid = d.objid
                          union all
                          select 'policy, statistics or other object ' || d.classid::regclass::text || ' '
                                 || d.objid || ' depends on it'
                            from col join pg_catalog.pg_depend d on d.refobjid = col.rel and d.refobjsubid = col.num
                            where d.classid not in ('pg_class'::regclass, 'pg_constraint'::regclass,
                              'pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_attrdef'::regclass)
                          union all
                          select 'it is an identity column' from col where col.attidentity <> ''
                          union all
                          select 'it is a generated column' from col where col.attgenerated <> ''
                          union all
                          select 'it has column privileges' from col where col.attacl is not null
                          union all
                          select 'the table is partitioned or a partition' from col
                            where col.relkind = 'p' or col.relispartition
                          union all
                          select 'the table inherits or is inherited' from col join pg_catalog.pg_inherits h
                            on h.inhrelid = col.rel or h.inhparent = col.rel
                          union all
                          select 'the table has no primary key for the batched backfill to walk' from col
                            where not exists (select 1 from pg_catalog.pg_constraint p
                              where p.conrelid = col.rel and p.contype = 'p')
                        ) reasons) x order by r
                        """, DSL.val(t), DSL.val(column.last())).fetch(0, String.class).stream()
                .distinct()
                .toList();
    }

    /** The reasons as one line for the progress message; empty when there is none. */
    static Optional<String> describe(MigrationContext ctx, Name table, Name column) {
        List<String> all = of(ctx, table, column);
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", all));
    }
}
