-- expand (postgres)
-- no check limiting the values of "person"."status" found to drop (looked up by the running migration)
alter table "person" add check ("status" in ('ACTIVE', 'DISABLED', 'LOCKED'));
