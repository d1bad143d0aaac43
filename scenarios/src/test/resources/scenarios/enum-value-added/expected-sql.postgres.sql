-- expand (postgres)
set lock_timeout = '300s';
-- no check limiting the values of "person"."status" found to drop (looked up by the running migration)
set lock_timeout = '500ms';
alter table "person" add check ("status" in ('ACTIVE', 'DISABLED', 'LOCKED')) not valid;
set lock_timeout = '300s';
