-- Concertina: what the model cannot hold, each named in a note: views, materialized views,
-- partitions (read as their parent), exclusion constraints, and indexes on partitions.
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
