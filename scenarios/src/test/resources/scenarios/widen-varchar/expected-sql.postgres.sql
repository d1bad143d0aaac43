-- expand (postgres)
set lock_timeout = '300s';
alter table "person" alter "email" type varchar(200);
