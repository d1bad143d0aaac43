-- Concertina: key columns of the user indexes of the current database in JDBC getIndexInfo()
-- shape. Left out here: the primary key's index and unique indexes (in MariaDB a unique index is
-- the unique constraint, read as such), and prefix indexes (SUB_PART: not expressible).
SELECT s.TABLE_SCHEMA AS TABLE_CAT, NULL AS TABLE_SCHEM, s.TABLE_NAME, s.NON_UNIQUE, s.INDEX_NAME,
       s.SEQ_IN_INDEX AS ORDINAL_POSITION, s.COLUMN_NAME
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE() AND s.NON_UNIQUE = 1
  AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS p
                  WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME
                    AND p.INDEX_NAME = s.INDEX_NAME AND p.SUB_PART IS NOT NULL)
