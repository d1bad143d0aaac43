-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "display_name" varchar(100) null;
set lock_timeout = '300s';
-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop "fullname";
set lock_timeout = '300s';
