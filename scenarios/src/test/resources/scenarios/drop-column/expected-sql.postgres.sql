-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop "nickname";
set lock_timeout = '300s';
