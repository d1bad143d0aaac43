-- expand (postgres)
alter table "person" alter "email" drop not null;
