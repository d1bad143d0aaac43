-- Concertina: user triggers of the current schema, one row per event.
SELECT current_database() AS TRIGGER_CATALOG, t.trigger_schema AS TRIGGER_SCHEMA,
       t.trigger_name AS TRIGGER_NAME, t.event_manipulation AS EVENT_MANIPULATION,
       current_database() AS EVENT_OBJECT_CATALOG, t.event_object_schema AS EVENT_OBJECT_SCHEMA,
       t.event_object_table AS EVENT_OBJECT_TABLE, t.action_order AS ACTION_ORDER,
       t.action_condition AS ACTION_CONDITION, t.action_statement AS ACTION_STATEMENT,
       t.action_orientation AS ACTION_ORIENTATION, t.action_timing AS ACTION_TIMING
FROM information_schema.triggers t
WHERE t.event_object_schema = current_schema()
