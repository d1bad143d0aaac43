-- Every object and type of issue 12 item 2 that H2 has, written by hand for H2 2.x.
CREATE TABLE doc (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner varchar_ignorecase(30) NOT NULL,
  title varchar(100),
  words integer GENERATED ALWAYS AS (CHAR_LENGTH(title)),
  body json,
  live boolean DEFAULT true
);
CREATE INDEX doc_order ON doc (owner DESC, title NULLS LAST, id DESC NULLS FIRST);
CREATE VIEW doc_owners AS SELECT owner FROM doc;
