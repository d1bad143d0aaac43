-- expand (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": no duplicates in [email]
create unique index concurrently "uk_person_email" on "person" ("email");
set lock_timeout = '500ms';
alter table "person" add constraint "uk_person_email" unique using index "uk_person_email";
set lock_timeout = '300s';
