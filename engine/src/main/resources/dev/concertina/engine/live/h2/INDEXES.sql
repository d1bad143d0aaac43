-- Concertina: key columns of the user indexes of the current schema in JDBC getIndexInfo() shape.
-- Left out here: the indexes H2 creates itself for primary keys, unique constraints and foreign
-- keys (IS_GENERATED).
SELECT i.TABLE_CATALOG AS TABLE_CAT, i.TABLE_SCHEMA AS TABLE_SCHEM, i.TABLE_NAME,
       CASE WHEN ic.IS_UNIQUE THEN 0 ELSE 1 END AS NON_UNIQUE, i.INDEX_NAME,
       ic.ORDINAL_POSITION, ic.COLUMN_NAME
FROM INFORMATION_SCHEMA.INDEXES i
JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic
  ON ic.INDEX_CATALOG = i.INDEX_CATALOG AND ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME
WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA AND NOT i.IS_GENERATED
