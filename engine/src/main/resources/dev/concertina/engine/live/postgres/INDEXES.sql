-- Concertina: the keys of the user indexes of the current schema, one row per key, key columns
-- first, then INCLUDE columns (CC_KEY 0). Indexes that back a primary key, unique or exclusion
-- constraint are left out. COLUMN_NAME is null for an expression key, whose text is
-- CC_EXPRESSION; CC_OPTION is indoption (1 DESC, 2 NULLS FIRST); CC_PREDICATE a partial index's
-- WHERE; CC_METHOD the access method.
SELECT c.relname AS TABLE_NAME,
       CASE WHEN i.indisunique THEN 0 ELSE 1 END AS NON_UNIQUE, ic.relname AS INDEX_NAME,
       k.ord AS ORDINAL_POSITION, a.attname AS COLUMN_NAME,
       CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END AS CC_EXPRESSION,
       CASE WHEN k.ord <= i.indnkeyatts THEN 1 ELSE 0 END AS CC_KEY,
       CASE WHEN k.ord <= i.indnkeyatts THEN i.indoption[(k.ord - 1)::int] ELSE 0 END AS CC_OPTION,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS CC_PREDICATE,
       am.amname AS CC_METHOD
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum > 0
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
