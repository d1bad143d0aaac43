-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" alter "visits" type bigint;
set lock_timeout = '300s';
