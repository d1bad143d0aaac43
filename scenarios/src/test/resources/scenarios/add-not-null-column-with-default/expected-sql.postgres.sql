-- expand (postgres)
alter table "person" add "status" varchar(20) not null default 'active';
