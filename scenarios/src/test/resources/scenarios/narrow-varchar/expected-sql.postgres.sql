-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "email" fits VARCHAR(50)
set lock_timeout = '500ms';
alter table "person" add "concertina_new_email" varchar(50) null;
set lock_timeout = '300s';
-- runtime SyncTriggers: one-way sync trigger "email" -> "concertina_new_email": NEW."email"
-- runtime Backfill, in keyset batches on the primary key, each: update "person" set "concertina_new_email" = "email" where "concertina_new_email" is null
set lock_timeout = '500ms';
begin;
DROP TRIGGER IF EXISTS "concertina_sync_person_email_concertina_new_email" ON "person";
DROP FUNCTION IF EXISTS "concertina_sync_person_email_concertina_new_email"();
alter table "person" drop "email";
alter table "person" rename column "concertina_new_email" to "email";
commit;
set lock_timeout = '300s';
