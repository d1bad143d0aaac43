-- contract (postgres)
alter table "person" drop "nickname";
