-- contract (postgres)
set lock_timeout = '300s';
set lock_timeout = '500ms';
drop table "tag";
set lock_timeout = '300s';
