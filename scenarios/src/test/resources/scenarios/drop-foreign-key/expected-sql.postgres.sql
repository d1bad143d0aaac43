-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop constraint "fk_person_team";
set lock_timeout = '300s';
