-- Concertina: check constraint expressions (names as in TABLE_CONSTRAINTS). Read from
-- pg_constraint, which on PostgreSQL 15 does not hold the NOT NULL pseudo-checks that
-- information_schema.check_constraints lists as "..._not_null".
SELECT current_database() AS CONSTRAINT_CATALOG, n.nspname AS CONSTRAINT_SCHEMA,
       c.relname || '/' || con.conname AS CONSTRAINT_NAME,
       pg_catalog.pg_get_constraintdef(con.oid) AS CHECK_CLAUSE
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND con.contype = 'c'
