-- Concertina: user indexes of the current schema; those H2 creates itself for primary keys,
-- unique constraints and foreign keys are IS_GENERATED and left out.
SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME
FROM INFORMATION_SCHEMA.INDEXES
WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND NOT IS_GENERATED
