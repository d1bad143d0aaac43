-- Concertina: unique and check constraints of the current schema. SchemaCrawler keys constraints
-- by schema and name, but PostgreSQL names are per table: CONSTRAINT_NAME is "<table>/<name>",
-- CC_NAME the real name.
SELECT current_database() AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
       c.relname || '/' || con.conname AS CONSTRAINT_NAME,
       c.relname AS TABLE_NAME, CASE con.contype WHEN 'u' THEN 'UNIQUE' ELSE 'CHECK' END AS CONSTRAINT_TYPE,
       con.conname AS CC_NAME,
       CASE WHEN con.condeferred THEN 'DEFERRABLE INITIALLY DEFERRED' WHEN con.condeferrable THEN 'DEFERRABLE' ELSE '' END AS CC_DEFERRABLE
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND con.contype IN ('u', 'c')
