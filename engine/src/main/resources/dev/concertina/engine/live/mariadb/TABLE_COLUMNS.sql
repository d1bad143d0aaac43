-- Concertina: columns of the current database in JDBC getColumns() shape, only what the reader
-- uses: TYPE_NAME is COLUMN_TYPE (the declared type with facets, enum values, unsigned),
-- CC_IDENTITY is auto_increment, CC_EXTRA the rest of EXTRA (ON UPDATE, VIRTUAL / STORED
-- GENERATED), CC_GENERATION a generated column's expression, CC_COLLATION a collation other than
-- the table's.
SELECT c.TABLE_NAME, c.COLUMN_NAME,
       c.ORDINAL_POSITION, c.COLUMN_DEFAULT AS COLUMN_DEF,
       CASE WHEN c.IS_NULLABLE = 'YES' THEN 1 ELSE 0 END AS NULLABLE,
       c.COLUMN_TYPE AS TYPE_NAME, c.COLUMN_COMMENT AS REMARKS,
       CASE WHEN c.EXTRA LIKE '%auto_increment%' THEN 'YES' ELSE 'NO' END AS CC_IDENTITY,
       c.EXTRA AS CC_EXTRA, c.GENERATION_EXPRESSION AS CC_GENERATION,
       CASE WHEN c.COLLATION_NAME <> t.TABLE_COLLATION THEN c.COLLATION_NAME END AS CC_COLLATION
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
