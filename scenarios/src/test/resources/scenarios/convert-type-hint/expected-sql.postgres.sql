-- expand (postgres)
set lock_timeout = '300s';
-- runtime WriteGuard: install write guard on "person": table "person" is read-only until the contract migration runs: column "age" changes type VARCHAR(10) -> INTEGER
-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": CAST("age" AS INTEGER) succeeds
-- runtime WriteGuard: drop write guard on "person"
set lock_timeout = '500ms';
alter table "person" add "concertina_new_age" int null;
set lock_timeout = '300s';
-- runtime SyncTriggers: one-way sync trigger "age" -> "concertina_new_age": CAST(NEW."age" AS INTEGER)
-- runtime Backfill, in keyset batches on the primary key, each: update "person" set "concertina_new_age" = CAST("age" AS INTEGER) where "concertina_new_age" is null
set lock_timeout = '500ms';
begin;
DROP TRIGGER IF EXISTS "concertina_sync_person_age_concertina_new_age" ON "person";
DROP FUNCTION IF EXISTS "concertina_sync_person_age_concertina_new_age"();
alter table "person" drop "age";
alter table "person" rename column "concertina_new_age" to "age";
commit;
set lock_timeout = '300s';
