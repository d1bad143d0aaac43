-- Concertina: the key columns of unique constraints, in key order (names as in TABLE_CONSTRAINTS).
SELECT current_database() AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
       c.relname || '/' || con.conname AS CONSTRAINT_NAME,
       c.relname AS TABLE_NAME, a.attname AS COLUMN_NAME, k.ord AS ORDINAL_POSITION
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND con.contype = 'u'
