-- contract (postgres)
drop table "tag";
