-- Concertina: every column of the current schema in JDBC getColumns() shape, with only the
-- columns the reader uses (SchemaCrawler's cost per row grows with the number of result columns):
-- TYPE_NAME is format_type (the declared type with its facets), CC_IDENTITY is identity, or
-- serial (a nextval default whose sequence the column owns).
SELECT current_database() AS TABLE_CAT, n.nspname AS TABLE_SCHEM, c.relname AS TABLE_NAME,
       a.attname AS COLUMN_NAME, a.attnum AS ORDINAL_POSITION,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS COLUMN_DEF,
       CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS NULLABLE,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS TYPE_NAME,
       d.description AS REMARKS,
       CASE WHEN a.attidentity IN ('a', 'd') OR EXISTS (
              SELECT 1 FROM pg_catalog.pg_depend dep
              JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
              WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid
                AND dep.refobjsubid = a.attnum AND dep.deptype = 'a')
            THEN 'YES' ELSE 'NO' END AS CC_IDENTITY
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped
