-- contract (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": "email" is not null
set lock_timeout = '500ms';
alter table "person" add constraint "concertina_nn_email_af14af72a1" check ("email" is not null) not valid;
set lock_timeout = '300s';
alter table "person" validate constraint "concertina_nn_email_af14af72a1";
set lock_timeout = '500ms';
alter table "person" alter "email" set not null;
set lock_timeout = '300s';
set lock_timeout = '500ms';
alter table "person" drop constraint if exists "concertina_nn_email_af14af72a1";
set lock_timeout = '300s';
