-- Concertina: index key columns of the current schema in JDBC getIndexInfo() shape, plus
-- CC_BACKS: 'p' or 'u' when the index only backs that table's primary key or unique constraint.
SELECT current_database() AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
       CASE WHEN i.indisunique THEN 0 ELSE 1 END AS NON_UNIQUE, ic.relname AS INDEX_NAME,
       3 AS TYPE, k.ord AS ORDINAL_POSITION, a.attname AS COLUMN_NAME,
       CASE WHEN i.indoption[k.ord - 1] & 1 = 1 THEN 'D' ELSE 'A' END AS ASC_OR_DESC,
       con.contype AS CC_BACKS,
       CASE WHEN i.indpred IS NULL AND i.indexprs IS NULL THEN 'NO' ELSE 'YES' END AS CC_PARTIAL
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_constraint con
       ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND k.ord <= i.indnkeyatts
