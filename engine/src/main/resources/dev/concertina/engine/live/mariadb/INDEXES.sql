-- Concertina: index key columns of the current database in JDBC getIndexInfo() shape. CC_BACKS
-- is 'p' for the primary key's index and 'u' for the index of a unique constraint (in MariaDB a
-- unique index is the unique constraint).
SELECT s.TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, s.TABLE_NAME, s.NON_UNIQUE, s.INDEX_NAME,
       3 AS TYPE, s.SEQ_IN_INDEX AS ORDINAL_POSITION, s.COLUMN_NAME,
       CASE WHEN s.COLLATION = 'D' THEN 'D' ELSE 'A' END AS ASC_OR_DESC,
       CASE WHEN s.INDEX_NAME = 'PRIMARY' THEN 'p' WHEN s.NON_UNIQUE = 0 THEN 'u' ELSE NULL END AS CC_BACKS,
       CASE WHEN s.SUB_PART IS NULL THEN 'NO' ELSE 'YES' END AS CC_PARTIAL
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE()
