-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" alter "email" drop not null;
set lock_timeout = '300s';
