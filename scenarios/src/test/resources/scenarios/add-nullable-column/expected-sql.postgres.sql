-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "nickname" varchar(40) null;
set lock_timeout = '300s';
