package dev.concertina.portability.renamed.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.GeneratedColumn;

/** A table with a generated column, renamed from gauge_a to gauge_b in version 2. */
@Entity
@Table(name = "gauge_b")
public class Gauge {
    @Id
    Long id;

    Integer width;

    Integer height;

    @GeneratedColumn("width * height")
    Integer area;
}
