-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" add "status" varchar(20) not null default 'active';
set lock_timeout = '300s';
