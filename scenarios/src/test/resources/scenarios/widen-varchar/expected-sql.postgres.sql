-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" alter "email" type varchar(200);
set lock_timeout = '300s';
