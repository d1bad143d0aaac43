-- expand (postgres)
set lock_timeout = '300s';
create index concurrently "ix_person_email" on "person" ("email");
-- contract (postgres)
set lock_timeout = '300s';
drop index concurrently if exists "ix_person_fullname";
