package dev.concertina.portability.hostile.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Non-ASCII names, a reserved word as a column, and a table name at PostgreSQL's 63-byte limit. */
@Entity
@Table(name = "\"ünïcødé ☃\"")
public class Snowman {
    @Id
    @Column(name = "\"select\"")
    Long id;

    @Column(name = "\"ça\"", length = 10)
    String ca;
}
