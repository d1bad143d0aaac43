-- Concertina: what the model cannot hold, each named in a note: views, materialized views,
-- partitions (read as their parent), exclusion constraints, how an index is built beyond its keys
-- (a non-default operator class, a key collation other than its column's, NULLS NOT DISTINCT,
-- storage parameters), and domains and enum types no column uses (of a table, view or type; as itself, an array
-- or a domain's base: a used one is the column's type).
-- to_jsonb(i) reads indnullsnotdistinct where the server has it (15 and later).
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'partition' END AS KIND,
       c.relname AS NAME, NULL AS TABLE_NAME
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND (c.relkind IN ('v', 'm') OR (c.relkind IN ('r', 'p') AND c.relispartition))
UNION ALL
SELECT 'exclusion constraint', con.conname, c.relname
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND con.contype = 'x' AND NOT c.relispartition
UNION ALL
SELECT 'operator class ' || opc.opcname || ' of index', ic.relname, c.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indclass::oid[]) AS k(opclass)
JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT opc.opcdefault
UNION ALL
SELECT 'collation ' || co.collname || ' of index', ic.relname, c.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indcollation::oid[], i.indkey::int2[]) AS k(coll, attnum)
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
JOIN pg_catalog.pg_collation co ON co.oid = k.coll
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND k.coll <> 0 AND k.coll <> a.attcollation
UNION ALL
SELECT 'nulls not distinct of index', ic.relname, c.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct' = 'true'
UNION ALL
SELECT 'storage parameters (' || pg_catalog.array_to_string(ic.reloptions, ', ') || ') of index', ic.relname, c.relname
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND ic.reloptions IS NOT NULL
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'unused domain' ELSE 'unused enum type' END, t.typname, NULL
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema() AND t.typtype IN ('d', 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                  JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                  WHERE NOT a.attisdropped AND (at.oid = t.oid OR at.typelem = t.oid OR at.typbasetype = t.oid))
