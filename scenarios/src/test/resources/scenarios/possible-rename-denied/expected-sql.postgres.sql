-- expand (postgres)
set lock_timeout = '300s';
alter table "person" add "display_name" varchar(100) null;
-- contract (postgres)
set lock_timeout = '300s';
alter table "person" drop "fullname";
