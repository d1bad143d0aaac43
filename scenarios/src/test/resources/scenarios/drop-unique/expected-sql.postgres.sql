-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop constraint "uk_person_email";
set lock_timeout = '300s';
