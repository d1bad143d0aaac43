-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "concertina_new_visits" bigint null;
set lock_timeout = '300s';
-- runtime SyncTriggers: one-way sync trigger "visits" -> "concertina_new_visits": NEW."visits"
-- runtime Backfill, in keyset batches on the primary key, each: update "person" set "concertina_new_visits" = "visits" where "concertina_new_visits" is null
set lock_timeout = '500ms';
begin;
DROP TRIGGER IF EXISTS "concertina_sync_person_visits_concertina_new_visits" ON "person";
DROP FUNCTION IF EXISTS "concertina_sync_person_visits_concertina_new_visits"();
alter table "person" drop "visits";
alter table "person" rename column "concertina_new_visits" to "visits";
commit;
set lock_timeout = '300s';
