-- expand (postgres)
set lock_timeout = '300s';
-- pre-check (reads rows): check existing rows of "person": [team_id] exist in "team"[id]
set lock_timeout = '500ms';
alter table "person" add constraint "fk_person_team" foreign key ("team_id") references "team" ("id") not valid;
set lock_timeout = '300s';
alter table "person" validate constraint "fk_person_team";
