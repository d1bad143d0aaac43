package dev.concertina.portability.hostile.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A leading space, a comment closer and a newline, in table, column, index and unique names. */
@Entity
@Table(
        name = "\" lead\"",
        indexes = @Index(name = "\"ix */ comment\"", columnList = "\"new\nline\""),
        uniqueConstraints = @UniqueConstraint(name = "\"uq\ttab\"", columnNames = "\"tab\tbed\""))
public class Lead {
    @Id
    @Column(name = "\" id\"")
    Long id;

    @Column(name = "\"new\nline\"", length = 40)
    String newLine;

    @Column(name = "\"tab\tbed\"", length = 40)
    String tabbed;

    @Column(name = "\"*/ comment\"")
    Integer comment;
}
