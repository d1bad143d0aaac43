package dev.concertina.portability.hostile.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Table and column names of exactly 63 bytes (30 two-byte characters and three ASCII): PostgreSQL's limit. */
@Entity
@Table(name = "\"ééééééééééééééééééééééééééééééabc\"")
public class AtLimit {
    @Id
    @Column(name = "\"ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"")
    Long id;
}
