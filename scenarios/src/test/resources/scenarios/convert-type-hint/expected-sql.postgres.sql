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
update "person" set "concertina_new_age" = CAST("age" AS INTEGER);
set lock_timeout = '500ms';
alter table "person" drop "age";
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" rename column "concertina_new_age" to "age";
set lock_timeout = '300s';
