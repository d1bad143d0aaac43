-- Concertina: key columns of the user indexes of the current database in JDBC getIndexInfo()
-- shape, with CC_METHOD (INDEX_TYPE: BTREE, HASH, FULLTEXT, SPATIAL) and CC_ORDER (COLLATION:
-- A, or D for a descending key). Left out here: the primary key's index and unique indexes (in
-- MariaDB a unique index is the unique constraint, read as such), and prefix indexes (SUB_PART:
-- named in a note instead, NOT_COMPARED.sql; a SPATIAL index reports a SUB_PART of its own).
SELECT s.TABLE_NAME, s.NON_UNIQUE, s.INDEX_NAME,
       s.SEQ_IN_INDEX AS ORDINAL_POSITION, s.COLUMN_NAME, s.INDEX_TYPE AS CC_METHOD, s.COLLATION AS CC_ORDER
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE() AND s.NON_UNIQUE = 1
  AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS p
                  WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME
                    AND p.INDEX_NAME = s.INDEX_NAME AND p.SUB_PART IS NOT NULL AND p.INDEX_TYPE <> 'SPATIAL')
