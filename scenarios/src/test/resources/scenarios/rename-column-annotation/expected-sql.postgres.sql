-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "display_name" varchar(100) null;
set lock_timeout = '300s';
-- runtime SyncTriggers: install sync trigger on "person": "display_name" := "fullname", "fullname" := "display_name"
-- runtime Backfill: backfill "person"."display_name" := "fullname" where null
-- contract (postgres)
set lock_timeout = '300s';
-- runtime SyncTriggers: drop sync trigger on "person" ("fullname" <-> "display_name")
set lock_timeout = '500ms';
alter table "person" drop "fullname";
set lock_timeout = '300s';
