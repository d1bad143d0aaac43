-- expand (postgres)
alter table "person" alter "email" type varchar(200);
