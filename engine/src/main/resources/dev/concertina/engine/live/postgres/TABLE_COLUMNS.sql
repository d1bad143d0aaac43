-- Concertina: every column of the current schema in JDBC getColumns() shape, with only the
-- columns the reader uses: TYPE_NAME is format_type (the declared type with its facets; for a
-- domain its base type, CC_DOMAIN naming the domain; CC_ENUM the labels of an enum type as a JSON
-- array, CC_ENUM_TYPE its name), CC_IDENTITY is identity or serial (a default using a sequence the column owns),
-- CC_IDENTITY_KIND 'a' (ALWAYS) or 'd' (BY DEFAULT), CC_GENERATED 's' for a stored generated
-- column (COLUMN_DEF is then its expression), CC_COLLATION a collation other than the type's.
SELECT c.relname AS TABLE_NAME,
       a.attname AS COLUMN_NAME, a.attnum AS ORDINAL_POSITION,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS COLUMN_DEF,
       CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)
            ELSE pg_catalog.format_type(a.atttypid, a.atttypmod) END AS TYPE_NAME,
       CASE WHEN t.typtype = 'd' THEN t.typname END AS CC_DOMAIN,
       CASE WHEN t.typtype = 'e' THEN (SELECT pg_catalog.array_to_json(pg_catalog.array_agg(e.enumlabel ORDER BY e.enumsortorder))::text
                                       FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) END AS CC_ENUM,
       CASE WHEN t.typtype = 'e' THEN t.typname END AS CC_ENUM_TYPE,
       d.description AS REMARKS,
       CASE WHEN a.attidentity IN ('a', 'd') OR EXISTS (
              SELECT 1 FROM pg_catalog.pg_depend dep
              JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
              WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid
                AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
                AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend dd
                            WHERE dd.classid = 'pg_catalog.pg_attrdef'::regclass AND dd.objid = ad.oid
                              AND dd.refclassid = 'pg_catalog.pg_class'::regclass AND dd.refobjid = s.oid))
            THEN 'YES' ELSE 'NO' END AS CC_IDENTITY,
       NULLIF(a.attidentity, '') AS CC_IDENTITY_KIND,
       NULLIF(a.attgenerated, '') AS CC_GENERATED,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END AS CC_COLLATION
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped
