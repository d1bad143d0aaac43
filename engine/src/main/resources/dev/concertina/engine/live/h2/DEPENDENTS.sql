-- Concertina: views of the current schema with their definitions; the reader matches the quoted
-- table names in them (H2 has no view-to-table usage view).
SELECT TABLE_NAME AS DEPENDENT_NAME, 'view' AS DEPENDENT_KIND, VIEW_DEFINITION AS DEFINITION
FROM INFORMATION_SCHEMA.VIEWS
WHERE TABLE_SCHEMA = CURRENT_SCHEMA
