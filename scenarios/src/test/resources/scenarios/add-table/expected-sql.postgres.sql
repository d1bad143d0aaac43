-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
create table "tag" ("id" bigint not null, "label" varchar(30) not null, primary key ("id"));
set lock_timeout = '300s';
