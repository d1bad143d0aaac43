-- expand (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
-- binary-coercible on PostgreSQL: a catalog change, no rewrite and no scan
-- squawk-ignore changing-column-type
alter table "person" alter "email" type varchar(200);
set lock_timeout = '300s';
