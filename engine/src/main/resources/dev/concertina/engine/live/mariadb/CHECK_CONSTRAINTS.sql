-- Concertina: check constraint expressions; CC_LEVEL is 'Column' for checks written on a column
-- (MariaDB names those after the column).
SELECT CONSTRAINT_SCHEMA AS CONSTRAINT_CATALOG, NULL AS CONSTRAINT_SCHEMA,
       CONCAT(TABLE_NAME, '/', CONSTRAINT_NAME) AS CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL AS CC_LEVEL
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE()
