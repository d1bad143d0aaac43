-- Concertina: foreign key column pairs of the current schema in JDBC getImportedKeys() shape;
-- rules use the JDBC codes (0 cascade, 1 restrict, 2 set null, 3 no action, 4 set default), as
-- does DEFERRABILITY (5 initially deferred, 6 initially immediate, 7 not deferrable).
SELECT current_database() AS PKTABLE_CAT, pn.nspname AS PKTABLE_SCHEM, pc.relname AS PKTABLE_NAME,
       pa.attname AS PKCOLUMN_NAME,
       current_database() AS FKTABLE_CAT, fn.nspname AS FKTABLE_SCHEM, fc.relname AS FKTABLE_NAME,
       fa.attname AS FKCOLUMN_NAME, k.ord AS KEY_SEQ,
       CASE con.confupdtype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4 END AS UPDATE_RULE,
       CASE con.confdeltype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'a' THEN 3 WHEN 'd' THEN 4 END AS DELETE_RULE,
       con.conname AS FK_NAME,
       CASE WHEN con.condeferred THEN 5 WHEN con.condeferrable THEN 6 ELSE 7 END AS DEFERRABILITY
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid
JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fkatt, pkatt, ord)
JOIN pg_catalog.pg_attribute fa ON fa.attrelid = fc.oid AND fa.attnum = k.fkatt
JOIN pg_catalog.pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = k.pkatt
WHERE fn.nspname = current_schema() AND con.contype = 'f'
