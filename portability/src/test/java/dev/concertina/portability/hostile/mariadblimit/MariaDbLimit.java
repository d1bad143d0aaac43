package dev.concertina.portability.hostile.mariadblimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Table, column and index names of 64 characters, MariaDB's limit (the table's in two-byte letters: MariaDB counts characters). */
@Entity
@Table(name = "\"üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü\"", indexes = @Index(name = "\"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii\"", columnList = "\"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\""))
public class MariaDbLimit {
    @Id
    Long id;

    @Column(name = "\"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"")
    Integer value;
}
