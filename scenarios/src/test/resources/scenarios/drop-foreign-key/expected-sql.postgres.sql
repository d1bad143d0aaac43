-- contract (postgres)
set lock_timeout = '300s';
alter table "person" drop constraint "fk_person_team";
