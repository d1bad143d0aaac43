-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "display_name" varchar(100) null;
set lock_timeout = '300s';
-- runtime SyncTriggers: install sync trigger on "person": "display_name" := "fullname", "fullname" := "display_name"
-- runtime Backfill: backfill "person"."display_name" := "fullname" where null
-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" alter "fullname" drop not null;
set lock_timeout = '300s';
-- runtime SyncTriggers: drop sync trigger on "person" ("fullname" <-> "display_name")
set lock_timeout = '500ms';
alter table "person" drop "fullname";
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "display_name" is not null
set lock_timeout = '500ms';
alter table "person" add constraint "concertina_nn_display_name_2227be6a90" check ("display_name" is not null) not valid;
set lock_timeout = '300s';
alter table "person" validate constraint "concertina_nn_display_name_2227be6a90";
set lock_timeout = '500ms';
alter table "person" alter "display_name" set not null;
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop constraint if exists "concertina_nn_display_name_2227be6a90";
set lock_timeout = '300s';
