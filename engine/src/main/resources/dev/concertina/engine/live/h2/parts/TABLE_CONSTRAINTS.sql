-- Concertina: every constraint of the current schema with its type (H2 names are unique per schema).
SELECT CONSTRAINT_NAME, TABLE_NAME, CONSTRAINT_TYPE
FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
WHERE TABLE_SCHEMA = CURRENT_SCHEMA
