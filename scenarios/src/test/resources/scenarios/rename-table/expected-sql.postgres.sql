-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
create table "person" ("id" bigint not null, "fullname" varchar(100) null, primary key ("id"));
set lock_timeout = '300s';
-- runtime TableSync: install table sync "people" <-> "person" on ("id", "fullname")
-- runtime RowCopy, in keyset batches on the key, each: copy rows "people" -> "person" ("id", "fullname")
insert into "person" ("id", "fullname") select "id", "fullname" from "people" on conflict ("id") do nothing;
-- contract (postgres)
set lock_timeout = '300s';
-- runtime TableSync: drop table sync "people" <-> "person"
set lock_timeout = '500ms';
drop table "people";
set lock_timeout = '300s';
