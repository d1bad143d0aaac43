-- Concertina: what the model cannot hold, each named in a note: views and prefix indexes.
SELECT 'view' AS KIND, TABLE_NAME AS NAME, NULL AS TABLE_NAME
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA = DATABASE()
UNION
SELECT DISTINCT 'prefix index', INDEX_NAME, TABLE_NAME
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND SUB_PART IS NOT NULL AND INDEX_TYPE <> 'SPATIAL'
