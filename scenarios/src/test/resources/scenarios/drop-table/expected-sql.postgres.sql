-- contract (postgres)
set lock_timeout = '300s';
drop table "tag";
