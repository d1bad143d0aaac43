-- expand (postgres)
alter table "person" add "nickname" varchar(40) null;
