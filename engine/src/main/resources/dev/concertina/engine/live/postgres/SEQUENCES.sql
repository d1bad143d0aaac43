-- Concertina: sequences of the current schema, without those that back identity or serial
-- columns: an identity's (dependency type 'i'), and a serial's, owned by its column (type 'a') and
-- used by that column's default. A sequence owned by a column whose default does not use it
-- (create sequence … owned by t.c) is a plain sequence.
SELECT current_database() AS SEQUENCE_CATALOG, n.nspname AS SEQUENCE_SCHEMA, c.relname AS SEQUENCE_NAME,
       s.seqincrement AS INCREMENT, s.seqstart AS START_VALUE, s.seqmin AS MINIMUM_VALUE,
       s.seqmax AS MAXIMUM_VALUE, CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO' END AS CYCLE_OPTION
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                  WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
                    AND dep.refobjsubid > 0
                    AND (dep.deptype = 'i'
                         OR (dep.deptype = 'a' AND EXISTS (
                               SELECT 1 FROM pg_catalog.pg_attrdef ad
                               JOIN pg_catalog.pg_depend dd ON dd.classid = 'pg_catalog.pg_attrdef'::regclass
                                AND dd.objid = ad.oid AND dd.refclassid = 'pg_catalog.pg_class'::regclass
                                AND dd.refobjid = c.oid
                               WHERE ad.adrelid = dep.refobjid AND ad.adnum = dep.refobjsubid))))
