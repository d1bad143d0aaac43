package dev.concertina.portability.computed.pg.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.GeneratedColumn;

/** A column with a collation and a generated column (version 2: another collation and expression). */
@Entity
public class Gauge {
    @Id
    Long id;

    @Collate("POSIX")
    String code;

    Integer width;

    Integer height;

    @GeneratedColumn("width + height")
    Integer area;
}
