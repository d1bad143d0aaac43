-- Concertina: sequences of the current schema, without those that back identity or serial
-- columns (dependency types 'i' and 'a' on a table column).
SELECT current_database() AS SEQUENCE_CATALOG, n.nspname AS SEQUENCE_SCHEMA, c.relname AS SEQUENCE_NAME,
       s.seqincrement AS INCREMENT, s.seqstart AS START_VALUE, s.seqmin AS MINIMUM_VALUE,
       s.seqmax AS MAXIMUM_VALUE, CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO' END AS CYCLE_OPTION
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
                    AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i'))
