-- contract (postgres)
alter table "person" drop constraint "fk_person_team";
