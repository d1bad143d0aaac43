-- expand (postgres)
set lock_timeout = '300s';
alter table "person" add "status" varchar(20) not null default 'active';
