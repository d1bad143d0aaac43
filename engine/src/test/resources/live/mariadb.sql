-- Every object the live reader supports, written by hand for MariaDB 10.11.
CREATE TABLE author (
  id bigint AUTO_INCREMENT PRIMARY KEY,
  name varchar(100) NOT NULL DEFAULT 'anon' COMMENT 'Display name',
  email varchar(200),
  born date,
  created datetime(6) DEFAULT CURRENT_TIMESTAMP(6),
  created_tz timestamp(6) NULL,
  wake time,
  active boolean NOT NULL DEFAULT true,
  flag bit(1),
  rating decimal(5,2) DEFAULT 0.00,
  score double,
  ratio float,
  tiny tinyint,
  small smallint,
  big bigint DEFAULT -1,
  plain int,
  bio longtext,
  photo longblob,
  bin varbinary(16),
  uid uuid,
  code char(3),
  status enum('A', 'B'),
  kind smallint CHECK (kind BETWEEN 0 AND 2),
  CONSTRAINT uk_author_email UNIQUE (email),
  CONSTRAINT ck_author_rating CHECK (rating >= 0)
) COMMENT 'People who write';
CREATE TABLE book (
  author_id bigint NOT NULL,
  seq int NOT NULL,
  title varchar(255) NOT NULL,
  isbn char(13),
  editor_id bigint,
  PRIMARY KEY (author_id, seq),
  UNIQUE (title, isbn),
  CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE,
  FOREIGN KEY (editor_id) REFERENCES author (id) ON DELETE SET NULL ON UPDATE RESTRICT
);
CREATE INDEX idx_book_title_seq ON book (title, seq);
CREATE SEQUENCE book_seq START WITH 100 INCREMENT BY 50;
CREATE TRIGGER book_audit BEFORE INSERT ON book FOR EACH ROW SET NEW.title = TRIM(NEW.title);
CREATE TRIGGER concertina_sync_book BEFORE UPDATE ON book FOR EACH ROW SET NEW.title = NEW.title;
CREATE TABLE concertina_version (branch varchar(20) PRIMARY KEY, head varchar(64));
CREATE VIEW author_names AS SELECT name FROM author;
