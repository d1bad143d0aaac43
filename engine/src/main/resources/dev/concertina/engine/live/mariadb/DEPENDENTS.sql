-- Concertina: views of the current database with their definitions; the reader matches the
-- back-quoted table names in them (MariaDB has no view-to-table usage view).
SELECT TABLE_NAME AS DEPENDENT_NAME, 'view' AS DEPENDENT_KIND, VIEW_DEFINITION AS DEFINITION
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA = DATABASE()
