-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
create table "person" ("id" bigint not null, "fullname" varchar(100) null, primary key ("id"));
set lock_timeout = '300s';
-- runtime TableSync: install table sync "people" <-> "person" on ("id", "fullname")
-- runtime RowCopy, in keyset batches on the key, each: copy rows "people" -> "person" ("id", "fullname")
insert into "person" ("id", "fullname") select "id", "fullname" from "people" where not exists (select 1 as "one" from "person" as "concertina_new" where "concertina_new"."id" = "people"."id");
-- contract (postgres)
set lock_timeout = '300s';
-- runtime TableSync: drop table sync "people" <-> "person"
set lock_timeout = '500ms';
drop table "people";
set lock_timeout = '300s';
