-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "email" fits VARCHAR(50)
set lock_timeout = '500ms';
alter table "person" alter "email" type varchar(50);
set lock_timeout = '300s';
