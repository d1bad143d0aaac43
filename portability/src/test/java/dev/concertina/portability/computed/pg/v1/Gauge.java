package dev.concertina.portability.computed.pg.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Collate;
import org.hibernate.annotations.GeneratedColumn;

/** A column with a collation and a generated column (version 1). */
@Entity
public class Gauge {
    @Id
    Long id;

    @Collate("C")
    String code;

    Integer width;

    Integer height;

    @GeneratedColumn("width * height")
    Integer area;
}
