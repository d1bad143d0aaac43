-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "email" fits VARCHAR(50)
alter table "person" alter "email" type varchar(50);
