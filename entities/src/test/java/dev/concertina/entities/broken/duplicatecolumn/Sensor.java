package dev.concertina.entities.broken.duplicatecolumn;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Two attributes write the same column. */
@Entity
public class Sensor {
    @Id
    Long id;

    @Column(name = "code")
    String code;

    @Column(name = "code")
    String alias;
}
