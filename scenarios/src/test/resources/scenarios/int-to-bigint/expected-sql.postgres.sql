-- expand (postgres)
alter table "person" alter "visits" type bigint;
