-- contract (postgres)
set lock_timeout = '300s';
alter table "person" drop constraint "uk_person_email";
