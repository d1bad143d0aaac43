-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "score" int null;
set lock_timeout = '300s';
-- runtime Backfill: backfill "person"."score" := 7 where null
-- contract (postgres)
set lock_timeout = '300s';
-- runtime Backfill: backfill "person"."score" := 7 where null
-- pre-check (reads rows): check existing rows of "person": "score" is not null
set lock_timeout = '500ms';
alter table "person" add constraint "concertina_nn_score_973a3c7f68" check ("score" is not null) not valid;
set lock_timeout = '300s';
alter table "person" validate constraint "concertina_nn_score_973a3c7f68";
set lock_timeout = '500ms';
alter table "person" alter "score" set not null;
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop constraint if exists "concertina_nn_score_973a3c7f68";
set lock_timeout = '300s';
