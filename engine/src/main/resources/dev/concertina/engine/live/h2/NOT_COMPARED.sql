-- Concertina: what the model cannot hold, each named in a note: views.
SELECT 'view' AS KIND, TABLE_NAME AS NAME, NULL AS TABLE_NAME
FROM INFORMATION_SCHEMA.VIEWS
WHERE TABLE_SCHEMA = CURRENT_SCHEMA
