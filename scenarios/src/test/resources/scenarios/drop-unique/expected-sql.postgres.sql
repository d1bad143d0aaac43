-- contract (postgres)
alter table "person" drop constraint "uk_person_email";
