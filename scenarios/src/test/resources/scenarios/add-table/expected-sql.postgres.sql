-- expand (postgres)
set lock_timeout = '300s';
create table "tag" ("id" bigint not null, "label" varchar(30) not null, primary key ("id"));
