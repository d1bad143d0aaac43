-- Every object and type of issue 12 item 2, written by hand for MariaDB 10.11.
CREATE TABLE doc (
  id int unsigned AUTO_INCREMENT PRIMARY KEY,
  owner varchar(50) NOT NULL,
  title varchar(100) COLLATE utf8mb4_bin,
  counter bigint unsigned NOT NULL DEFAULT 0,
  price decimal(10,2) unsigned zerofill,
  body text,
  meta json,
  touched timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  changed datetime(6) NULL ON UPDATE CURRENT_TIMESTAMP(6),
  words int AS (length(title)) VIRTUAL,
  words_stored int AS (length(owner)) STORED,
  place point NOT NULL,
  FULLTEXT INDEX doc_body_ft (body),
  SPATIAL INDEX doc_place_sp (place),
  INDEX doc_order (owner DESC, id),
  INDEX doc_owner_prefix (owner(10))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE VIEW doc_owners AS SELECT owner FROM doc;
