-- expand (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": CAST("age" AS INTEGER) succeeds
set lock_timeout = '500ms';
alter table "person" add "age_years" int null;
set lock_timeout = '300s';
-- runtime SyncTriggers: install sync trigger on "person": "age_years" := CAST("age" AS INTEGER), "age" := CAST("age_years" AS VARCHAR(10))
-- runtime Backfill: backfill "person"."age_years" := CAST("age" AS INTEGER) where null
-- contract (postgres)
set lock_timeout = '300s';
-- runtime SyncTriggers: drop sync trigger on "person" ("age" <-> "age_years")
set lock_timeout = '500ms';
alter table "person" drop "age";
set lock_timeout = '300s';
