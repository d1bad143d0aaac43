-- Concertina: key columns of the user indexes of the current schema in JDBC getIndexInfo() shape.
-- Left out here: indexes that back a primary key, unique or exclusion constraint, and partial or
-- expression indexes (the model cannot express them).
SELECT current_database() AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
       CASE WHEN i.indisunique THEN 0 ELSE 1 END AS NON_UNIQUE, ic.relname AS INDEX_NAME,
       k.ord AS ORDINAL_POSITION, a.attname AS COLUMN_NAME
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND k.ord <= i.indnkeyatts
  AND i.indpred IS NULL AND i.indexprs IS NULL
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
