package dev.concertina.portability.hostile.trailing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Trailing spaces: a table {@code "select "} beside a table {@code "select"}'s column namesake, and
 * a column that differs from its neighbour only by trailing spaces. MariaDB refuses such names.
 */
@Entity
@Table(name = "\"select \"")
public class Trailing {
    @Id
    @Column(name = "\"trail  \"")
    Long id;

    @Column(name = "\"trail\"")
    Integer trail;
}
