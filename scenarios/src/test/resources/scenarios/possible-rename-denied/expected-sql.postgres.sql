-- expand (postgres)
alter table "person" add "display_name" varchar(100) null;
-- contract (postgres)
alter table "person" drop "fullname";
