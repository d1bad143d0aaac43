-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "status" fits ENUM('ACTIVE','DISABLED')
-- no check limiting the values of "person"."status" found to drop (looked up by the running migration)
set lock_timeout = '500ms';
alter table "person" add check ("status" in ('ACTIVE', 'DISABLED')) not valid;
set lock_timeout = '300s';
