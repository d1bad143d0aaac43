-- expand (postgres)
set lock_timeout = '300s';
alter table "person" add "nickname" varchar(40) null;
