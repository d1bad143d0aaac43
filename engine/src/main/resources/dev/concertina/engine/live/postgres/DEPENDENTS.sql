-- Concertina: views and materialized views of any schema that read a table of the current schema.
SELECT DISTINCT t.relname AS TABLE_NAME, v.relname AS DEPENDENT_NAME,
       CASE v.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS DEPENDENT_KIND
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
  AND v.oid <> t.oid AND n.nspname = current_schema() AND t.relkind IN ('r', 'p')
